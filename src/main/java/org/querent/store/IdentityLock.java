package org.querent.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.querent.common.Hashes;
import org.querent.common.QuerentException;

/**
 * An OS lock that follows the project file's identity (device and inode), not its name: a symlink or
 * a hard link to an open project is refused like the project itself. The lock lives in a file named
 * after that identity in the system's temporary folder; locking a byte of the project file itself does
 * not work, because POSIX drops a process's locks on a file whenever any descriptor of it closes,
 * which SQLite does. Where no identity is available (a file system without inodes) the lock file
 * beside the project remains the guard.
 */
final class IdentityLock implements AutoCloseable {
    /**
     * Files this JVM holds open, by identity. A refused second open must not even open a descriptor of
     * a lock file the first open holds: closing it would drop the first open's POSIX lock, and another
     * process could then open the project beside it.
     */
    private static final Set<Object> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private Object reserved;

    private IdentityLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Refuses at once when this JVM already holds the existing project (under any name), and marks it
     * held; {@link #unreserve} undoes that when the open fails before {@link #acquire}.
     */
    static Object reserve(Path project) {
        Object key = identityOf(project);
        if (!HELD_HERE.add(key)) {
            throw alreadyOpen(project);
        }
        return key;
    }

    static void unreserve(Object key) {
        if (key != null) {
            HELD_HERE.remove(key);
        }
    }

    private static Object identityOf(Path project) {
        try {
            Object key = Files.readAttributes(project, BasicFileAttributes.class).fileKey();
            return key != null ? key : project.toRealPath();
        } catch (IOException e) {
            throw StorageErrors.io("cannot read the project " + project, e);
        }
    }

    private static QuerentException alreadyOpen(Path project) {
        return new ProjectInUseException("the project " + project.getFileName()
                + " is already open in another Querent window or command (perhaps under another name:"
                + " a link to the same file): close it there first");
    }

    /** As {@link #acquire(Path, boolean)}, keeping the reservation made by {@link #reserve} until closed. */
    static IdentityLock acquire(Path project, boolean create, Object reservation) {
        Object key = reservation;
        if (key == null) {
            IdentityLock made = acquire(project, create); // creates the file first when new
            made.reserved = reserveNew(project, made);
            return made;
        }
        IdentityLock made = acquire(project, create);
        made.reserved = key;
        return made;
    }

    private static Object reserveNew(Path project, IdentityLock made) {
        try {
            return reserve(project);
        } catch (RuntimeException e) {
            made.close();
            throw e;
        }
    }

    static IdentityLock acquire(Path project, boolean create) {
        if (create) {
            try {
                Files.createFile(project);
            } catch (IOException e) {
                throw StorageErrors.io("cannot create the project " + project, e);
            }
        }
        Object key;
        try {
            key = Files.readAttributes(project, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            throw StorageErrors.io("cannot read the project " + project, e);
        }
        if (key == null) {
            return new IdentityLock(null, null);
        }
        Path lockFile;
        FileChannel channel;
        try {
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "querent-locks");
            Files.createDirectories(folder);
            lockFile = folder.resolve(Hashes.sha256Hex(key.toString().getBytes(StandardCharsets.UTF_8))
                    .substring(0, 32) + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            // Another user's lock folder, a read-only temp: the name-based lock file still guards.
            return new IdentityLock(null, null);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            return new IdentityLock(null, null);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw alreadyOpen(project);
        }
        return new IdentityLock(channel, lock);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to do.
        }
    }

    @Override
    public void close() {
        unreserve(reserved);
        reserved = null;
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }
}
