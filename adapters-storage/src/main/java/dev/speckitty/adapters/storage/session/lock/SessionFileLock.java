package dev.speckitty.adapters.storage.session.lock;

import dev.speckitty.adapters.storage.session.StorageFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The BSD {@code flock} on {@code session.lock} that serialises session reads, writes and deletes
 * across processes and threads, and with the reference CLI (whose {@code filelock} takes the same
 * flock). The lock file itself is never deleted. Not reentrant: a thread that holds it and asks again
 * waits for itself until the timeout, as a second descriptor would.
 */
public final class SessionFileLock {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Held for milliseconds (one read or write), so polled more often than the refresh lock. */
    private static final long RETRY_MILLIS = 20;

    private final Path lockFile;
    private final Duration timeout;

    public SessionFileLock(Path lockFile, Duration timeout) {
        this.lockFile = lockFile;
        this.timeout = timeout;
    }

    /** Prepares the native calls of {@link #acquire} ahead of need, e.g. on a thread beside start-up. */
    public static void linkAhead() {
        Libc.linkReadCalls();
    }

    /**
     * Waits up to the timeout for the lock.
     *
     * @throws dev.speckitty.domain.session.SessionStorageException LOCK_TIMEOUT when it stays held;
     *     WRONG_OWNER, UNSAFE_PERMISSIONS or NOT_A_REGULAR_FILE when the lock file is not ours to use
     * @throws IOException when the lock file cannot be opened or locked (the message names the errno)
     */
    public Held acquire() throws IOException {
        FlockFile locked;
        try {
            locked = FlockFile.lockBefore(lockFile, System.nanoTime() + timeout.toNanos(), RETRY_MILLIS, () -> false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw StorageFailures.lockInterrupted(lockFile);
        }
        if (locked == null) {
            throw StorageFailures.lockTimeout(lockFile, timeout);
        }
        return new Held(locked);
    }

    /** The held lock; closing unlocks and closes the file, which stays. */
    public static final class Held implements AutoCloseable {
        private final FlockFile file;

        private Held(FlockFile file) {
            this.file = file;
        }

        @Override
        public void close() {
            try {
                file.unlockAndClose();
            } catch (IOException releaseFailed) {
                // the descriptor is closed either way, and closing it released the flock
            }
        }
    }
}
