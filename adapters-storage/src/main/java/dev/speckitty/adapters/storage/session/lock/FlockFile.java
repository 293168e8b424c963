package dev.speckitty.adapters.storage.session.lock;

import dev.speckitty.adapters.storage.files.SharedFileCheck;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * One open descriptor of a lock file, locked with BSD {@code flock(2)} as the reference CLI locks
 * {@code refresh.lock} and {@code session.lock}. flock belongs to the open file description, so two
 * descriptors conflict even inside one process (threads exclude each other without an in-process
 * guard), closing another descriptor of the file never drops the lock, and the kernel releases it
 * when the holder dies.
 *
 * <p>The file is opened {@code O_RDWR|O_CREAT|O_NOFOLLOW|O_CLOEXEC|O_NONBLOCK} with mode 0600 after
 * {@link SharedFileCheck} refused a symlink, a non-regular file, another user's file and a group- or
 * world-writable one; it is never unlinked or replaced.
 */
final class FlockFile implements AutoCloseable {

    private final Libc libc;
    private final Path path;
    private final int fd;
    private boolean closed;

    private FlockFile(Libc libc, Path path, int fd) {
        this.libc = libc;
        this.path = path;
        this.fd = fd;
    }

    /** Opens (creating if absent) the lock file; refuses a file that is not a plain file of ours. */
    static FlockFile open(Path path) throws IOException {
        SharedFileCheck.refuseUnsafe(path);
        Libc libc = Libc.get(path);
        try {
            return new FlockFile(libc, path, libc.open(path.toString()));
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    /**
     * Tries {@code flock(LOCK_EX|LOCK_NB)} until {@code deadlineNanos} ({@link System#nanoTime()}),
     * opening the file afresh for each attempt and closing it on contention, as the reference does.
     * After each attempt that found the lock held (the descriptor already closed), {@code stopWaiting}
     * may end the wait early.
     *
     * @return the locked file, or null when another descriptor kept the lock until the deadline or
     *     {@code stopWaiting} said true
     * @throws InterruptedException when interrupted while waiting between attempts
     */
    static FlockFile lockBefore(Path path, long deadlineNanos, long retryMillis, BooleanSupplier stopWaiting)
            throws IOException, InterruptedException {
        while (true) {
            FlockFile file = open(path);
            boolean locked = false;
            try {
                locked = file.tryLock();
            } finally {
                if (!locked) {
                    file.close();
                }
            }
            if (locked) {
                return file;
            }
            if (stopWaiting.getAsBoolean()) {
                return null;
            }
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return null;
            }
            Thread.sleep(Math.min(retryMillis, remainingMillis));
        }
    }

    /** One non-blocking attempt: true when this descriptor now holds the exclusive lock. */
    boolean tryLock() throws IOException {
        try {
            return libc.tryLockExclusive(fd);
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    /** Truncates, writes {@code content} from the start and fsyncs, all through the locked descriptor. */
    void replaceContent(byte[] content) throws IOException {
        try {
            libc.truncate(fd);
            libc.writeFromStart(fd, content);
            libc.fsync(fd);
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    /** Truncates to 0 bytes and fsyncs; the file itself stays. */
    void clear() throws IOException {
        try {
            libc.truncate(fd);
            libc.fsync(fd);
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    byte[] read(int limit) throws IOException {
        try {
            return libc.readFromStart(fd, limit);
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    /** Unlocks (when held) and closes; closing alone would release the lock too. */
    void unlockAndClose() throws IOException {
        if (closed) {
            return;
        }
        try {
            libc.unlock(fd);
        } catch (Libc.NativeCallException failed) {
            close();
            throw named(path, failed);
        }
        close();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            libc.close(fd);
        } catch (Libc.NativeCallException failed) {
            throw named(path, failed);
        }
    }

    /** A failure naming the file and the errno (e.g. «flock(LOCK_EX|LOCK_NB) failed: ENOLCK»). */
    private static FileSystemException named(Path path, Libc.NativeCallException failed) {
        FileSystemException named = new FileSystemException(path.toString(), null, failed.getMessage());
        named.initCause(failed);
        return named;
    }
}
