package dev.speckitty.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The machine-wide lock that serialises token refreshes across processes, with a record of who
 * holds it so stuck holders can be diagnosed and taken over.
 */
public interface RefreshLock {

    /** Wait up to {@code timeout} for the lock; empty when another process kept it that long. */
    default Optional<Lease> acquire(Duration timeout) {
        return acquire(timeout, () -> false);
    }

    /**
     * Wait up to {@code timeout} for the lock, asking {@code stopWaiting} after each attempt that
     * found it held; empty when another process kept it that long or {@code stopWaiting} said true.
     */
    Optional<Lease> acquire(Duration timeout, BooleanSupplier stopWaiting);

    /** The current holder's record, if the lock file has a readable one. */
    Optional<LockHolder> currentHolder();

    /** Release a lock whose record is older than {@code olderThan}; false if fresh, missing or held live. */
    boolean releaseIfStuck(Duration olderThan);

    /** A held lock; closing releases it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    record LockHolder(String host, long pid, Instant startedAt, String version) {
        public Duration age(Instant now) {
            return Duration.between(startedAt, now);
        }
    }
}
