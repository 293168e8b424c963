package dev.speckitty.testfixtures;

import dev.speckitty.domain.port.RefreshLock;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The refresh lock in memory. Free by default, and exclusive between threads as the file lock is
 * between processes; {@link #holdElsewhere()} plays another process holding it throughout.
 *
 * <p>The holder record is separate from the lock, as the lock file's record is: a test sets it with
 * {@link #recordHolder} to play a stuck or a fresh holder, and {@link #releaseIfStuck} clears it only
 * when it is older than asked, measured on the given clock. Held elsewhere, an acquire asks its
 * stopWaiting once before it times out. Granted, refused and stopped acquisitions are counted,
 * and {@link #onAcquire} lets a test see when the lock is asked for.
 */
public final class FakeRefreshLock implements RefreshLock {

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final AtomicInteger acquisitions = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger stopped = new AtomicInteger();
    private volatile boolean heldElsewhere;
    private volatile LockHolder holder;
    private volatile Runnable onAcquire = () -> {};
    private volatile Runnable whileWaiting = () -> {};

    /** A free lock whose holder ages are measured on the system clock. */
    public FakeRefreshLock() {
        this(Clock.systemUTC());
    }

    /** A free lock whose holder ages are measured on {@code clock}. */
    public FakeRefreshLock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** From now on another process holds the lock: every acquire times out. */
    public FakeRefreshLock holdElsewhere() {
        heldElsewhere = true;
        return this;
    }

    /** The other process let go: acquire succeeds again. */
    public FakeRefreshLock releaseElsewhere() {
        heldElsewhere = false;
        return this;
    }

    /** The holder record the lock file has; null for none. */
    public FakeRefreshLock recordHolder(LockHolder record) {
        holder = record;
        return this;
    }

    /** Runs {@code listener} at the start of every acquire, e.g. to record when the lock was asked for. */
    public FakeRefreshLock onAcquire(Runnable listener) {
        onAcquire = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Held elsewhere, runs {@code action} after stopWaiting was asked and before the wait times out,
     * e.g. to play a holder whose result lands too late for the waiter to see it.
     */
    public FakeRefreshLock whileWaiting(Runnable action) {
        whileWaiting = Objects.requireNonNull(action, "action");
        return this;
    }

    @Override
    public Optional<Lease> acquire(Duration timeout, BooleanSupplier stopWaiting) {
        onAcquire.run();
        if (heldElsewhere) { // played as one attempt, one question to stopWaiting, then the timeout
            if (stopWaiting.getAsBoolean()) {
                stopped.incrementAndGet();
                return Optional.empty();
            }
            whileWaiting.run();
            refusals.incrementAndGet();
            return Optional.empty();
        }
        if (!tryLock(timeout)) {
            refusals.incrementAndGet();
            return Optional.empty();
        }
        acquisitions.incrementAndGet();
        AtomicBoolean open = new AtomicBoolean(true);
        return Optional.of(() -> {
            if (open.compareAndSet(true, false)) {
                lock.unlock();
            }
        });
    }

    private boolean tryLock(Duration timeout) {
        try {
            return lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Optional<LockHolder> currentHolder() {
        return Optional.ofNullable(holder);
    }

    @Override
    public synchronized boolean releaseIfStuck(Duration olderThan) {
        LockHolder current = holder;
        if (current != null && current.age(clock.instant()).compareTo(olderThan) > 0) {
            holder = null;
            return true;
        }
        return false;
    }

    /** Leases granted so far. */
    public int acquisitions() {
        return acquisitions.get();
    }

    /** Acquisitions that timed out (held elsewhere or by another thread). */
    public int refusals() {
        return refusals.get();
    }

    /** Waits the caller ended itself: stopWaiting said true while the lock was held elsewhere. */
    public int stoppedWaits() {
        return stopped.get();
    }
}
