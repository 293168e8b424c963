package dev.speckitty.application.auth;

import dev.speckitty.domain.port.RefreshLock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A refresh lock in memory; {@link #heldElsewhere} plays another process holding it throughout. */
public final class InMemoryRefreshLock implements RefreshLock {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean heldElsewhere;

    /** From now on another process holds the lock: every acquire times out. */
    public void holdElsewhere() {
        heldElsewhere = true;
    }

    @Override
    public Optional<Lease> acquire(Duration timeout) {
        if (heldElsewhere) {
            return Optional.empty();
        }
        try {
            if (!lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(lock::unlock);
    }

    @Override
    public Optional<LockHolder> currentHolder() {
        return Optional.empty();
    }

    @Override
    public boolean releaseIfStuck(Duration olderThan) {
        return false;
    }
}
