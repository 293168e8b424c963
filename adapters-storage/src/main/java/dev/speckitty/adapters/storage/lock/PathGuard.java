package dev.speckitty.adapters.storage.lock;

import java.nio.channels.FileChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In-process mutual exclusion for one lock file. Not reentrant on purpose: like {@code flock} on a
 * second descriptor, a thread that already holds it contends with itself instead of silently nesting.
 *
 * <p>The guard's monitor serialises every open, lock and close of the file in this JVM, and
 * {@link #heldChannel()} lets other threads read the file through the locking channel: opening and
 * closing a second descriptor would drop the process's fcntl lock.
 */
final class PathGuard {

    private final Semaphore permit = new Semaphore(1, true);
    private FileChannel heldChannel;

    boolean tryAcquire(long timeoutNanos) throws InterruptedException {
        return permit.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    boolean tryAcquireNow() {
        return permit.tryAcquire();
    }

    void release() {
        permit.release();
    }

    /** The channel holding the OS lock in this JVM, or null; call while synchronized on this guard. */
    FileChannel heldChannel() {
        return heldChannel;
    }

    void heldChannel(FileChannel channel) {
        this.heldChannel = channel;
    }
}
