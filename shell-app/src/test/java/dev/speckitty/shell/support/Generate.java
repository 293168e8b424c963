package dev.speckitty.shell.support;

import java.util.List;
import java.util.Random;

/**
 * The seeded generator behind this module's property tests (no jqwik, by decision): a fixed
 * default seed, printed with the property's name, overridable with
 * {@code -Dspec-kitty.property.seed=<n>} so any failure is reproducible.
 */
public final class Generate {

    public static final String SEED_PROPERTY = "spec-kitty.property.seed";
    public static final long DEFAULT_SEED = 20_260_409L;

    private Generate() {}

    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** A random for one property, announced so that a failure can be replayed. */
    public static Random random(String property) {
        long seed = seed();
        System.out.println("property " + property + ": seed " + seed + " (replay with -D" + SEED_PROPERTY + "="
                + seed + ")");
        return new Random(seed * 31 + property.hashCode());
    }

    public static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public static String word(Random random) {
        return oneOf(random, List.of("alpha", "beta", "gamma", "kitty", "spec", "team", "zeta", "x", "id_7"));
    }
}
