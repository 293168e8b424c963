package dev.speckitty.adapters.hosted;

import dev.speckitty.adapters.hosted.http.RetrySettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Transport limits for every hosted call.
 *
 * @param connectTimeout TCP connect limit
 * @param callTimeout whole-call limit (request sent to body read); 10 s per docs/spec/hosted-contract.md §1
 * @param maxBodyBytes response bodies above this are refused instead of buffered
 * @param retry backoff for idempotent GETs only
 */
public record HostedHttpSettings(Duration connectTimeout, Duration callTimeout, int maxBodyBytes, RetrySettings retry) {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public HostedHttpSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(callTimeout, "callTimeout");
        Objects.requireNonNull(retry, "retry");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
    }

    /** 10 s connect and call timeouts, 256 KiB bodies, 3 attempts for idempotent GETs. */
    public static HostedHttpSettings defaults() {
        return new HostedHttpSettings(
                Duration.ofSeconds(10), Duration.ofSeconds(10), DEFAULT_MAX_BODY_BYTES, RetrySettings.defaults());
    }

    public HostedHttpSettings withCallTimeout(Duration timeout) {
        return new HostedHttpSettings(connectTimeout, timeout, maxBodyBytes, retry);
    }

    public HostedHttpSettings withRetry(RetrySettings settings) {
        return new HostedHttpSettings(connectTimeout, callTimeout, maxBodyBytes, settings);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
