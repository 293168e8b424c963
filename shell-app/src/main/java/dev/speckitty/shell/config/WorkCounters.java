package dev.speckitty.shell.config;

import dev.speckitty.adapters.hosted.counting.HostedActivity;
import dev.speckitty.adapters.storage.session.StorageActivity;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts the expensive work of this process where it really happens (the durable read and the
 * KDF in the store, the token POST and /api/v1/me by the counting decorators of the hosted ports, the refresh-lock wait),
 * for the {@code SPEC_KITTY_DEBUG_COUNTERS=1} line printed at exit.
 */
public final class WorkCounters implements StorageActivity, HostedActivity {

    public static final String ENABLE_VARIABLE = "SPEC_KITTY_DEBUG_COUNTERS";

    private final AtomicLong durableReads = new AtomicLong();
    private final AtomicLong kdfDerivations = new AtomicLong();
    private final AtomicLong tokenRefreshes = new AtomicLong();
    private final AtomicLong membershipFetches = new AtomicLong();
    private volatile LongSupplier lockWaitMillis = () -> 0L;
    private volatile LongSupplier lockHeldMillis = () -> 0L;

    @Override
    public void durableRead() {
        durableReads.incrementAndGet();
    }

    @Override
    public void keyDerived() {
        kdfDerivations.incrementAndGet();
    }

    @Override
    public void tokenRefresh() {
        tokenRefreshes.incrementAndGet();
    }

    @Override
    public void membershipFetch() {
        membershipFetches.incrementAndGet();
    }

    /** Where the refresh lock keeps the milliseconds this process waited for it and held it. */
    public void refreshLock(LongSupplier waitedMillis, LongSupplier heldMillis) {
        this.lockWaitMillis = waitedMillis;
        this.lockHeldMillis = heldMillis;
    }

    /** For {@code SPEC_KITTY_DEBUG_TIMING=1}: how long this process waited for and held the refresh lock. */
    public String refreshLockTimingLine() {
        return "spec-kitty-timing refresh_lock waited_ms=" + lockWaitMillis.getAsLong()
                + " held_ms=" + lockHeldMillis.getAsLong();
    }

    /** The exact line of the spec (docs/spec/README.md §4). */
    public String line() {
        return "spec-kitty-counters durable_reads=" + durableReads.get() + " kdf_derivations=" + kdfDerivations.get()
                + " token_refreshes=" + tokenRefreshes.get() + " membership_fetches=" + membershipFetches.get()
                + " lock_waits_ms=" + lockWaitMillis.getAsLong();
    }
}
