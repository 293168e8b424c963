package dev.speckitty.adapters.hosted.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff with jitter for idempotent calls.
 *
 * @param maxAttempts total attempts including the first (1 disables retries)
 * @param initialDelay delay before the second attempt
 * @param multiplier growth per attempt
 * @param maxDelay cap on any single delay
 * @param jitter random spread added to each delay
 */
public record RetrySettings(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay, Duration jitter) {

    public RetrySettings {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(jitter, "jitter");
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (initialDelay.isNegative() || jitter.isNegative() || maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
    }

    /** 3 attempts: ~250 ms, then ~500 ms (± 100 ms jitter), never more than 2 s apart. */
    public static RetrySettings defaults() {
        return new RetrySettings(3, Duration.ofMillis(250), 2.0, Duration.ofSeconds(2), Duration.ofMillis(100));
    }

    /** Fast backoff for tests: same attempt count, millisecond delays. */
    public static RetrySettings fast() {
        return new RetrySettings(3, Duration.ofMillis(5), 2.0, Duration.ofMillis(20), Duration.ofMillis(2));
    }
}
