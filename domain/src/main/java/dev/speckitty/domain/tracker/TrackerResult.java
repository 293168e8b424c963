package dev.speckitty.domain.tracker;

import java.util.Map;

/** One answer of the hosted tracker endpoints (behaviour.md §1.5). */
public sealed interface TrackerResult {

    record Ok(Map<String, Object> body) implements TrackerResult {
        public Ok {
            body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body)); // keep the server's order
        }
    }

    /** A 401: the caller forces one refresh and retries once. */
    record Unauthorized() implements TrackerResult {}

    /** Any other error status, from the hosted error envelope; the message is safe to show. */
    record Failed(String errorCode, String message, Integer status, boolean userActionRequired,
            Map<String, Object> details) implements TrackerResult {}

    /** Connect error or timeout. */
    record Unreachable(String message) implements TrackerResult {}
}
