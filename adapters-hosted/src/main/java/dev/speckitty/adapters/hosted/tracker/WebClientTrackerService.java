package dev.speckitty.adapters.hosted.tracker;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.tracker.TrackerResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hosted tracker endpoints ({@code GET /api/v1/tracker/status}, {@code POST
 * /api/v1/tracker/pull}) with the error mapping of docs/spec/behaviour.md §1.5: one wait-and-retry on 429,
 * the hosted error envelope for other errors, a connect failure as unreachable.
 */
public final class WebClientTrackerService implements TrackerService {

    /** Waits between a 429 and its retry; tests replace it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final List<String> ENVELOPE_STRINGS = List.of("error_code", "category", "message", "source");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostedEndpoints endpoints;
    private final HostedHttpClient http;
    private final Sleeper sleeper;

    public WebClientTrackerService(HostedEndpoints endpoints, HostedHttpClient http, Sleeper sleeper) {
        this.endpoints = endpoints;
        this.http = http;
        this.sleeper = sleeper;
    }

    @Override
    public TrackerResult status(String teamSlug, Secret accessToken) {
        return call(() -> http.get(endpoints.resolve("/api/v1/tracker/status"), accessToken, Map.of("X-Team-Slug", teamSlug)),
                accessToken);
    }

    @Override
    public TrackerResult pull(String teamSlug, Secret accessToken) {
        return call(() -> http.postBytes(endpoints.resolve("/api/v1/tracker/pull"), accessToken,
                Map.of("X-Team-Slug", teamSlug, "Content-Type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8)), accessToken);
    }

    private TrackerResult call(Supplier<HostedResponse> request, Secret token) {
        try {
            HostedResponse first = request.get();
            if (first.status() != 429) {
                return map(first, token);
            }
            sleeper.sleep(retryAfter(first));
            HostedResponse second = request.get();
            if (second.status() == 429) {
                String message = envelope(second).flatMap(body -> body.nonBlankString("message"))
                        .map(raw -> SafeText.serverMessage(raw, token)).orElse("Rate limited by SaaS API.");
                return new TrackerResult.Failed("rate_limited", message, 429, false, details(envelope(second), token));
            }
            return map(second, token);
        } catch (HostedTransportException unreachable) {
            return new TrackerResult.Unreachable("Cannot connect to Spec Kitty SaaS at " + endpoints.baseUrl()
                    + ". Check your network connection.");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new TrackerResult.Failed("interrupted", "Interrupted while waiting to retry.", 429, false, Map.of());
        }
    }

    private static TrackerResult map(HostedResponse response, Secret token) {
        int status = response.status();
        Optional<JsonBody> envelope = envelope(response);
        if (status >= 200 && status < 300) {
            return envelope.<TrackerResult>map(body -> new TrackerResult.Ok(asMap(response.body())))
                    .orElseGet(() -> new TrackerResult.Failed("invalid_response", "HTTP " + status
                            + (response.oversized() ? " (the answer was too large)" : " (the answer was not a JSON object)"),
                            status, false, Map.of()));
        }
        if (status == 401) {
            return new TrackerResult.Unauthorized();
        }
        boolean actionRequired = envelope.flatMap(body -> body.bool("user_action_required")).orElse(false);
        String message = envelope.flatMap(body -> body.nonBlankString("message"))
                .map(raw -> SafeText.serverMessage(raw, token)).orElse("HTTP " + status)
                + (actionRequired ? " (action required — check the Spec Kitty dashboard)" : "");
        // The envelope's code when it has the plain shape of one; none otherwise, as in the reference.
        // A code echoing the token (or looking like one) is redacted first and then fails the shape check.
        String code = envelope.flatMap(body -> SafeText.errorCode(
                body.string("error_code").map(raw -> SafeText.serverMessage(raw, token)))).orElse(null);
        return new TrackerResult.Failed(code, message, status, actionRequired, details(envelope, token));
    }

    /**
     * The envelope's known fields (PRI-12) for machine output: strings sanitized like messages,
     * anything else in the body dropped, so no raw body can travel on.
     */
    private static Map<String, Object> details(Optional<JsonBody> envelope, Secret token) {
        Map<String, Object> details = new LinkedHashMap<>();
        envelope.ifPresent(body -> {
            for (String key : ENVELOPE_STRINGS) {
                body.nonBlankString(key).ifPresent(value -> details.put(key, SafeText.serverMessage(value, token)));
            }
            body.bool("retryable").ifPresent(value -> details.put("retryable", value));
            body.bool("user_action_required").ifPresent(value -> details.put("user_action_required", value));
            body.integer("retry_after_seconds").ifPresent(value -> details.put("retry_after_seconds", value));
        });
        return details;
    }

    private static Duration retryAfter(HostedResponse response) {
        long seconds = envelope(response).flatMap(body -> body.integer("retry_after_seconds"))
                .orElse(DEFAULT_RETRY_AFTER.toSeconds());
        Duration wait = Duration.ofSeconds(Math.max(0, seconds));
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static Optional<JsonBody> envelope(HostedResponse response) {
        return response.oversized() ? Optional.empty() : response.jsonObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(String body) {
        JsonNode node = JsonBody.parse(body).orElseThrow();
        return JSON.convertValue(node, Map.class);
    }
}
