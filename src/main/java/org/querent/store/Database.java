package org.querent.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

/**
 * One open project file: a single SQLite connection (WAL, foreign keys) guarded by an OS lock on the
 * file itself so a second process (or a second open in this one) cannot open the same project. All access goes through {@link #read} and
 * {@link #write}, which serialise callers: the project has exactly one writer.
 */
public final class Database implements AutoCloseable {

    private final Path file;
    private final Connection connection;
    private final FileChannel lockChannel;
    private FileLock processLock;
    private final Object identity;
    private final ReentrantLock access = new ReentrantLock();
    private boolean closed;

    private Database(Path file, Connection connection, FileChannel lockChannel, FileLock processLock, Object identity) {
        this.file = file;
        this.identity = identity;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.processLock = processLock;
    }

    /** File identities (device and inode) this JVM holds open, so a second open never touches the OS lock. */
    private static final Set<Object> HELD = ConcurrentHashMap.newKeySet();

    /**
     * Where the process lock sits in the project file: far beyond SQLite's own lock bytes (at 1 GiB), so
     * the two never meet. Locking the file itself, not a file named after it, makes a symlink or a hard
     * link to the same project meet the same lock.
     */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    /**
     * Opens (and creates when {@code create}) the project file, takes the process lock and brings the
     * schema up to date. Only {@code create} makes a project: an empty or foreign file is refused as is.
     */
    public static Database open(Path file, boolean create) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!create && !Files.isRegularFile(absolute)) {
            throw QuerentException.notFound("project file not found: " + absolute
                    + " (check the path, or create a project with 'querent init')");
        }
        if (create && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw QuerentException.usage("a file already exists at " + absolute
                    + ": choose another project name or delete the old file");
        }
        FileChannel channel = null;
        FileLock lock = null;
        Object identity = null;
        try {
            if (create) {
                Files.createDirectories(absolute.getParent());
                Files.createFile(absolute);
            } else if (Files.size(absolute) == 0) {
                throw notAProject(absolute, "it is empty (0 bytes)");
            }
            identity = Files.readAttributes(absolute, BasicFileAttributes.class).fileKey();
            if (identity == null) {
                identity = absolute.toRealPath(); // a file system without inodes: the real path is the best key
            }
            if (!HELD.add(identity)) {
                identity = null;
                throw alreadyOpen(absolute);
            }
            channel = FileChannel.open(absolute, StandardOpenOption.WRITE, StandardOpenOption.READ);
            lock = channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (AccessDeniedException e) {
            releaseQuietly(null, channel, identity);
            throw new QuerentException(ErrorKind.STORAGE, "the project file " + absolute + " is read-only: "
                    + "make it writable (chmod u+w) to change it; 'status' and 'export' can still read it", e);
        } catch (IOException e) {
            releaseQuietly(null, channel, identity);
            throw StorageErrors.io("cannot lock the project " + absolute, e);
        } catch (RuntimeException e) {
            releaseQuietly(null, channel, identity);
            throw e;
        }
        if (lock == null) {
            releaseQuietly(null, channel, identity);
            throw alreadyOpen(absolute);
        }
        Database db = null;
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            db = new Database(absolute, connection, channel, lock, identity);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=5000");
            }
            Migrations.apply(db, create);
            if (create) {
                db.relock();
            }
            return db;
        } catch (SQLException e) {
            release(db, lock, channel, identity);
            throw StorageErrors.sql("cannot open the project " + absolute, e, absolute);
        } catch (IOException e) {
            release(db, lock, channel, identity);
            throw StorageErrors.io("cannot lock the project " + absolute, e);
        } catch (Throwable e) {
            release(db, lock, channel, identity);
            throw e;
        }
    }

    private static void release(Database db, FileLock lock, FileChannel channel, Object identity) {
        if (db != null) {
            db.close();
        } else {
            releaseQuietly(lock, channel, identity);
        }
    }

    /**
     * Takes the OS lock again. SQLite closes a descriptor of a newly made file while it sets it up, and on
     * POSIX closing any descriptor drops every lock the process holds on that file, ours included.
     */
    private void relock() throws IOException {
        processLock.release();
        FileLock again = lockChannel.tryLock(LOCK_POSITION, 1, false);
        if (again == null) {
            throw alreadyOpen(file);
        }
        processLock = again;
    }

    private static QuerentException alreadyOpen(Path file) {
        return new QuerentException(ErrorKind.PROJECT, "the project " + file.getFileName()
                + " is already open in another Querent window or command (perhaps under another name, through a"
                + " link): close it there first");
    }

    static QuerentException notAProject(Path file, String why) {
        return new QuerentException(ErrorKind.PROJECT, "the file " + file + " is not a Querent project or is damaged ("
                + why + "): nothing was changed. Restore it from a backup, or delete it and create the project with"
                + " 'querent init'");
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
            throw StorageErrors.sql("reading the project failed", e, file);
        } finally {
            access.unlock();
        }
    }

    /**
     * Runs work inside one transaction: committed when it returns, rolled back when it throws. Nested
     * calls join the outer transaction.
     */
    public <T> T write(SqlFunction<Connection, T> work) {
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
                // Any failure, an Error too: restoring autocommit below would otherwise commit half the work.
                rollbackQuietly();
                throw e;
            } finally {
                restoreAutoCommit();
            }
        } catch (SQLException e) {
            throw StorageErrors.sql("saving to the project failed", e, file);
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
        access.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException ignored) {
                // Closing still releases everything; the WAL is replayed at the next open.
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more can be done for a connection that fails to close.
            }
            releaseQuietly(processLock, lockChannel, identity);
        } finally {
            access.unlock();
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel, Object identity) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel below releases the lock too.
        }
        closeQuietly(channel);
        if (identity != null) {
            HELD.remove(identity);
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
