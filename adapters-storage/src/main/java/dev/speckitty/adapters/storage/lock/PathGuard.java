package dev.speckitty.adapters.storage.lock;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * In-process mutual exclusion for one lock file. Not reentrant on purpose: like {@code flock} on a
 * second descriptor, a thread that already holds it contends with itself instead of silently nesting.
 */
final class PathGuard {

    private final Semaphore permit = new Semaphore(1, true);

    boolean tryAcquire(long timeoutNanos) throws InterruptedException {
        return permit.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
    }

    boolean tryAcquireNow() {
        return permit.tryAcquire();
    }

    void release() {
        permit.release();
    }
}
