package dev.speckitty.adapters.storage.lock;

import dev.speckitty.adapters.storage.StorageFailures;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The OS lock on {@code session.lock} that serialises session reads, writes and deletes across
 * processes and threads. The lock file itself is never deleted.
 */
public final class SessionFileLock {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private final Path lockFile;
    private final Duration timeout;
    private final PathGuard guard;

    public SessionFileLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
        this.guard = PathGuards.forFile(lockFile);
    }

    /**
     * Waits up to the timeout for the lock.
     *
     * @throws dev.speckitty.domain.session.SessionStorageException LOCK_TIMEOUT when it stays held
     * @throws IOException when the lock file cannot be opened or locked
     */
    public Held acquire() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!guard.tryAcquire(deadline - System.nanoTime())) {
                throw StorageFailures.lockTimeout(lockFile, timeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw StorageFailures.lockInterrupted(lockFile);
        }
        Held held = null;
        try {
            held = lockFileUntil(deadline);
            return held;
        } finally {
            if (held == null) {
                guard.release();
            }
        }
    }

    private Held lockFileUntil(long deadline) throws IOException {
        FileChannel channel = OwnerOnlyFiles.openForLocking(lockFile);
        FileLock lock = null;
        try {
            while ((lock = tryLock(channel)) == null) {
                if (System.nanoTime() >= deadline) {
                    throw StorageFailures.lockTimeout(lockFile, timeout);
                }
                sleep();
            }
            return new Held(channel, lock);
        } finally {
            if (lock == null) {
                channel.close();
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldElsewhereInThisJvm) {
            return null; // someone bypassed the guard; treat it as contention
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw StorageFailures.lockInterrupted(lockFile);
        }
    }

    /** The held lock; closing releases the OS lock, closes the file and gives back the guard. */
    public final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try (channel) {
                lock.release();
            } catch (IOException releaseFailed) {
                // closing the channel drops the OS lock anyway
            } finally {
                guard.release();
            }
        }
    }
}
