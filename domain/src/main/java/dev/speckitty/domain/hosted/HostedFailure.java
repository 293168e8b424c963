package dev.speckitty.domain.hosted;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A classified hosted failure: the category, the (already sanitized) message shown to people,
 * and the HTTP status when there was one. Never carries a token or a raw response body.
 */
public record HostedFailure(FailureCategory category, String message, Integer httpStatus) {

    public HostedFailure {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(message, "message");
    }

    public static HostedFailure of(FailureCategory category, String message) {
        return new HostedFailure(category, message, null);
    }

    public OptionalInt status() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
