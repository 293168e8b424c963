package dev.speckitty.domain.tracker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the hosted tracker endpoints (docs/spec/behaviour.md §1.5). {@code toString()} never shows a
 * response body or the envelope details: only keys, codes, statuses and the (already safe) message.
 */
public sealed interface TrackerResult {

    /** A 2xx with a JSON object body, in the server's key order. */
    record Ok(Map<String, Object> body) implements TrackerResult {
        public Ok {
            body = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(body, "body")));
        }

        @Override
        public String toString() {
            return "Ok[keys=" + body.keySet() + "]";
        }
    }

    /** A 401: the caller forces one refresh and retries once. */
    record Unauthorized() implements TrackerResult {}

    /**
     * Any other error status, from the hosted error envelope; the message is safe to show.
     *
     * @param errorCode the envelope's {@code error_code} (or a code the caller chose)
     * @param status the HTTP status, null when there was none
     * @param details the envelope's known fields, for machine output; never printed by {@code toString()}
     */
    record Failed(String errorCode, String message, Integer status, boolean userActionRequired,
            Map<String, Object> details) implements TrackerResult {
        public Failed {
            Objects.requireNonNull(message, "message");
            details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }

        @Override
        public String toString() {
            return "Failed[errorCode=" + errorCode + ", message=" + message + ", status=" + status
                    + ", userActionRequired=" + userActionRequired + ", detailKeys=" + details.keySet() + "]";
        }
    }

    /** Connect error or timeout; the caller reports it as {@code retryable_transport}. */
    record Unreachable(String message) implements TrackerResult {
        public Unreachable {
            Objects.requireNonNull(message, "message");
        }
    }
}
