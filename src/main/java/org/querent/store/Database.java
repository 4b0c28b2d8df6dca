package org.querent.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * One open project file: a single SQLite connection (WAL, foreign keys) guarded by a lock file so a
 * second process cannot open the same project. All access goes through {@link #read} and
 * {@link #write}, which serialise callers: the project has exactly one writer.
 */
public final class Database implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock processLock;
    private final IdentityLock identityLock;
    private final ReentrantLock access = new ReentrantLock();
    /** Scans hold it shared; closing takes it whole, so no scan runs on a connection being closed. */
    private final ReentrantReadWriteLock scanning = new ReentrantReadWriteLock();
    private final ScanConnections scanners;
    private final boolean readOnly;
    private volatile boolean closed;

    /** @param scanUri how {@link #scan} connections open the file (read-only) */
    private Database(Path file, String scanUri, Connection connection, FileChannel lockChannel, FileLock processLock,
                     IdentityLock identityLock) {
        this.file = file;
        this.scanners = new ScanConnections(scanUri);
        this.identityLock = identityLock;
        this.readOnly = identityLock == null;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.processLock = processLock;
    }

    /**
     * Opens an existing project for writing, waiting up to {@code wait} while another process holds it
     * ({@code onWait} hears once that it waits); then refuses as {@link #open(Path, boolean)} does.
     */
    public static Database open(Path file, java.time.Duration wait, Runnable onWait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                return open(file, false);
            } catch (ProjectInUseException e) {
                if (System.nanoTime() >= deadline) {
                    throw new QuerentException(e.kind(), e.getMessage() + (told ? " (waited " + wait.toSeconds()
                            + " s)" : "; or give --wait SECONDS to wait for it"), e);
                }
                if (!told) {
                    onWait.run();
                    told = true;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Opens (and creates when {@code create}) the project file, takes the process lock and brings the
     * schema up to date.
     */
    public static Database open(Path file, boolean create) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(absolute)) {
            throw QuerentException.notFound("project file not found: " + absolute
                    + " (check the path, or create a project with 'querent init')");
        }
        if (create && Files.exists(absolute)) {
            throw QuerentException.usage("a file already exists at " + absolute
                    + ": choose another project name or delete the old file");
        }
        if (!create) {
            ProjectFileCheck.requireProjectFile(absolute);
            if (!Files.isWritable(absolute)) {
                throw new QuerentException(ErrorKind.STORAGE, "the project file " + absolute.getFileName()
                        + " is read-only: make it writable to label (chmod u+w " + absolute.getFileName()
                        + "); 'querent status' and 'querent export' can read it as it is");
            }
        }
        Object reservation = create ? null : IdentityLock.reserve(absolute);
        FileChannel channel = null;
        FileLock lock;
        Path lockFile = lockFileOf(absolute);
        try {
            Files.createDirectories(absolute.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            IdentityLock.unreserve(reservation);
            throw StorageErrors.io("cannot lock the project " + absolute, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            IdentityLock.unreserve(reservation);
            throw new ProjectInUseException("the project " + absolute.getFileName()
                    + " is already open in another Querent window or command: close it there first"
                    + " (lock: " + lockFile + ")");
        }
        IdentityLock identity;
        try {
            identity = IdentityLock.acquire(absolute, create, reservation);
        } catch (RuntimeException e) {
            IdentityLock.unreserve(reservation);
            releaseQuietly(lock, channel);
            throw e;
        }
        try {
            writeOwner(channel);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=5000");
                // 64 MB of page cache, taken only as pages are read (SQLite's default is 2 MB): a million-row import
                // inserts into indexes far larger than 2 MB, and took twice as long with the default (ADR 0021).
                st.execute("PRAGMA cache_size=-65536");
            }
            Database db = new Database(absolute, "jdbc:sqlite:" + absolute.toUri() + "?mode=ro", connection, channel, lock,
                    identity);
            try {
                Migrations.apply(db, create);
                db.write(c -> { // an import killed mid-way may have left it dropped (ItemRepository.suspendContentIndex)
                    try (Statement st = c.createStatement()) {
                        st.execute(ItemRepository.CONTENT_HASH_INDEX);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            identity.close();
            releaseQuietly(lock, channel);
            throw StorageErrors.sql("cannot open the project " + absolute, e);
        } catch (RuntimeException e) {
            identity.close();
            releaseQuietly(lock, channel);
            if (create) {
                deleteQuietly(absolute); // a half-made new project would later read as a damaged one
            }
            throw e;
        }
    }

    /**
     * Opens the project to read only, beside a writer that may hold it (SQLite's WAL lets readers run
     * next to one writer) or on a read-only file or mount. Takes no lock; {@link #write} is refused.
     */
    public static Database openReader(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw QuerentException.notFound("project file not found: " + absolute
                    + " (check the path, or create a project with 'querent init')");
        }
        ProjectFileCheck.requireProjectFile(absolute);
        // Nothing can write a file whose folder is read-only (a read-only mount, a CD): SQLite may then
        // read it as immutable, without the -shm file it could not create.
        boolean frozen = !Files.isWritable(absolute.getParent()) || !Files.isWritable(absolute);
        boolean walLeft = Files.exists(absolute.resolveSibling(absolute.getFileName() + "-wal"));
        String uri = "jdbc:sqlite:" + absolute.toUri() + "?mode=ro" + (frozen && !walLeft ? "&immutable=1" : "");
        try {
            Connection connection = DriverManager.getConnection(uri);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(absolute, uri, connection, null, null, null);
            try {
                Migrations.requireReadable(db);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            throw StorageErrors.sql("cannot read the project " + absolute, e);
        }
    }

    /** Opened by {@link #openReader}: reads only. */
    public boolean readOnly() {
        return readOnly;
    }

    static Path lockFileOf(Path project) {
        return project.resolveSibling(project.getFileName() + ".lock");
    }

    private static void writeOwner(FileChannel channel) {
        try {
            String owner = "pid " + ProcessHandle.current().pid() + "\n";
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException ignored) {
            // The owner note is only a courtesy for a person looking at the lock file.
        }
    }

    public Path file() {
        return file;
    }

    /** Runs a read under the project's access lock. */
    public <T> T read(SqlFunction<Connection, T> work) {
        access.lock();
        try {
            ensureOpen();
            return work.apply(connection);
        } catch (SQLException e) {
            throw StorageErrors.sql("reading the project failed", e);
        } finally {
            access.unlock();
        }
    }

    /**
     * Runs a read-only scan on this thread's own connection, as one snapshot, beside the writer and every other
     * reader: for reads of the whole pool (loading vectors, counting, the cards' figures) that would otherwise hold
     * the project's one connection, and every decision behind it, for seconds. It sees what was committed when it
     * began; inside a {@link #write} on the same thread it runs there, so it sees that write's changes.
     */
    public <T> T scan(SqlFunction<Connection, T> work) {
        if (access.isHeldByCurrentThread()) {
            return read(work);
        }
        scanning.readLock().lock();
        try {
            ensureOpen();
            Connection c = scanners.forCurrentThread();
            if (!c.getAutoCommit()) {
                return work.apply(c); // nested: the outer scan's snapshot
            }
            c.setAutoCommit(false);
            try {
                return work.apply(c);
            } finally {
                try {
                    c.rollback(); // nothing was written: this only ends the snapshot
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw StorageErrors.sql("reading the project failed", e);
        } finally {
            scanning.readLock().unlock();
        }
    }

    /** Connections open for scans (for tests). */
    int scanConnections() {
        return scanners.open();
    }

    /**
     * Runs work inside one transaction: committed when it returns, rolled back when it throws. Nested
     * calls join the outer transaction.
     */
    public <T> T write(SqlFunction<Connection, T> work) {
        if (readOnly) {
            throw QuerentException.usage("the project " + file.getFileName() + " is open for reading only:"
                    + " this step needs to write (close the project elsewhere, check the file is writable)");
        }
        access.lock();
        try {
            ensureOpen();
            if (!connection.getAutoCommit()) {
                return work.apply(connection); // nested: the outer call commits
            }
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                // Any failure, an Error included: setAutoCommit(true) below would otherwise commit half a transaction.
                rollbackQuietly();
                throw e;
            } finally {
                restoreAutoCommit();
            }
        } catch (SQLException e) {
            throw StorageErrors.sql("saving to the project failed", e);
        } finally {
            access.unlock();
        }
    }

    /** Back to autocommit without masking the failure being thrown (SQLite may have rolled back on its own). */
    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The transaction is already gone; the connection is usable again either way.
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is the one worth reporting.
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new QuerentException(ErrorKind.PROJECT, "the project " + file.getFileName() + " is closed");
        }
    }

    /** Folds the WAL into the main file, so the single .querent file is complete on its own. */
    public void checkpoint() {
        read(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return null;
        });
    }

    @Override
    public void close() {
        scanning.writeLock().lock();
        access.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            scanners.closeAll(); // first: a TRUNCATE checkpoint waits for no reader
            if (!readOnly) {
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // Closing still releases everything; the WAL is replayed at the next open.
                }
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more can be done for a connection that fails to close.
            }
            if (!readOnly) {
                identityLock.close();
                releaseQuietly(processLock, lockChannel);
                try {
                    Files.deleteIfExists(lockFileOf(file));
                } catch (IOException ignored) {
                    // A leftover lock file is harmless: only a held OS lock blocks another process.
                }
            }
        } finally {
            access.unlock();
            scanning.writeLock().unlock();
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel below releases the lock too.
        }
        closeQuietly(channel);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException ignored) {
            // The failure being thrown is the one to report.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing to do.
            }
        }
    }

    /** A function over a connection that may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlFunction<A, R> {
        R apply(A a) throws SQLException;
    }
}
