package dev.speckitty.adapters.storage.support;

/**
 * Knobs of the crash tests: how many kills (a system property, for a longer documented run) and
 * the seed of the kill delays (fixed by default, printed, overridable with
 * {@code -Dspec-kitty.crash.seed=…}).
 */
public final class CrashRuns {

    public static final long DEFAULT_SEED = 6_2026L;

    private CrashRuns() {}

    /** {@code -Dspec-kitty.crash.<name>=N}, else {@code fallback}. */
    public static int count(String name, int fallback) {
        return Integer.getInteger("spec-kitty.crash." + name, fallback);
    }

    public static long seed() {
        return Long.getLong("spec-kitty.crash.seed", DEFAULT_SEED);
    }
}
