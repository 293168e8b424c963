package dev.speckitty.emulator.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An injected misbehaviour for one endpoint. A fault waits {@code delayMs} first, then either drops the
 * connection, answers {@code status} with {@code body} (a Map/List is sent as JSON, a String as plain
 * text), or — with neither — lets the real handler answer (a slow but correct response). With
 * {@code responseDelayMs} the real handler runs at once (a refresh token is rotated, a batch stored)
 * and only its answer is held back: "the server did it, the response is late".
 * {@code times} null means "until cleared"; otherwise the fault applies to the next N calls only.
 */
public record Fault(Integer status, Object body, Map<String, String> headers, long delayMs,
                    boolean dropConnection, Integer times, long responseDelayMs) {

    public Fault {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay_ms must not be negative");
        }
        if (responseDelayMs < 0) {
            throw new IllegalArgumentException("delay_response_ms must not be negative");
        }
        if (responseDelayMs > 0 && (status != null || dropConnection)) {
            throw new IllegalArgumentException("delay_response_ms delays the real handler's answer;"
                    + " it cannot be combined with status or drop_connection");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status, got " + status);
        }
    }

    public static Fault respond(int status, Object body) {
        return new Fault(status, body, Map.of(), 0, false, null, 0);
    }

    public static Fault delay(long delayMs) {
        return new Fault(null, null, Map.of(), delayMs, false, null, 0);
    }

    /** The real handler runs now; its answer leaves {@code millis} later. */
    public static Fault delayResponse(long millis) {
        return new Fault(null, null, Map.of(), 0, false, null, millis);
    }

    public static Fault drop() {
        return new Fault(null, null, Map.of(), 0, true, null, 0);
    }

    /** The hosted 403 for a batch that does not target the Private Teamspace. */
    public static Fault missingPrivateTeam() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "direct_ingress_missing_private_team");
        body.put("message", "Direct sync ingress must target Private Teamspace.");
        return respond(403, body);
    }

    /** A 429 with the tracker envelope's {@code retry_after_seconds} and a matching Retry-After header. */
    public static Fault rateLimited(int retryAfterSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", "rate_limited");
        body.put("message", "Rate limited");
        body.put("retry_after_seconds", retryAfterSeconds);
        return respond(429, body).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    public Fault times(int count) {
        return new Fault(status, body, headers, delayMs, dropConnection, count, responseDelayMs);
    }

    public Fault withDelay(long millis) {
        return new Fault(status, body, headers, millis, dropConnection, times, responseDelayMs);
    }

    public Fault withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Fault(status, body, more, delayMs, dropConnection, times, responseDelayMs);
    }

    public boolean answersItself() {
        return dropConnection || status != null;
    }
}
