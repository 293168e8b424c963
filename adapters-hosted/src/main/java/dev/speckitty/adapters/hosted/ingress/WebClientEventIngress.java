package dev.speckitty.adapters.hosted.ingress;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/**
 * The hosted batch ingress: gzip JSON to {@code POST /api/v1/events/batch/} with the Private
 * Teamspace id in {@code X-Team-Slug}, and every answer classified per docs/spec/behaviour.md §1.3. A batch
 * may be re-sent (transport failures, 502/503/504) because the server de-duplicates by event id.
 */
public final class WebClientEventIngress implements EventIngress {

    public static final String PATH = "/api/v1/events/batch/";
    private static final Set<String> SYNCED = Set.of("success", "accepted", "warning");
    static final String NO_PRIVATE_TEAM = "skipped: no Private Teamspace available for direct ingress";

    private final URI uri;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;

    public WebClientEventIngress(HostedEndpoints endpoints, HostedHttpClient http, IdempotentRetry retry) {
        this.uri = endpoints.resolve(PATH);
        this.http = http;
        this.retry = retry;
    }

    @Override
    public List<EventResult> send(List<QueuedEvent> batch, String privateTeamId, Secret accessToken) {
        if (batch.isEmpty()) {
            return List.of(); // nothing to say, and an empty POST would only cost a round trip
        }
        // Defence in depth: the caller resolves the Private Teamspace (docs/spec/behaviour.md §1.3 step 2). Without
        // one no POST is made; an id that cannot be a header value (control characters) is never sent.
        if (privateTeamId == null || privateTeamId.isBlank()) {
            return all(batch, new HostedFailure(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM, NO_PRIVATE_TEAM, null));
        }
        if (privateTeamId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return all(batch, new HostedFailure(FailureCategory.UNKNOWN,
                    "The Private Teamspace id is not a valid header value; nothing was sent", null));
        }
        byte[] body = gzip("{\"events\":[" + batch.stream().map(QueuedEvent::json).collect(Collectors.joining(",")) + "]}");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Content-Encoding", "gzip");
        headers.put("X-Team-Slug", privateTeamId);
        HostedResponse response;
        try {
            response = retry.execute("POST " + PATH, () -> http.postBytes(uri, accessToken, headers, body));
        } catch (HostedTransportException transport) {
            boolean timeout = transport.failureType().toLowerCase(Locale.ROOT).contains("timeout");
            return all(batch, new HostedFailure(FailureCategory.RETRYABLE_TRANSPORT,
                    timeout ? "Request timeout" : "Connection error: " + transport.failureType(), null));
        }
        return classify(batch, response, accessToken);
    }

    private static List<EventResult> classify(List<QueuedEvent> batch, HostedResponse response, Secret token) {
        int status = response.status();
        // A body over the cap was dropped unread: a 200's per-event results are lost (unknown), any
        // other status is still classified by its status, as if the body were empty.
        if (response.oversized() && status == 200) {
            return all(batch, new HostedFailure(FailureCategory.UNKNOWN,
                    "The batch ingress answered with an oversized body (HTTP " + status + ")", status));
        }
        Optional<JsonBody> json = response.oversized() ? Optional.empty() : response.jsonObject();
        return switch (status) {
            case 200 -> perEventResults(batch, json, token);
            case 400 -> badRequest(batch, json, token);
            case 401 -> all(batch, new HostedFailure(FailureCategory.AUTH_EXPIRED, "Authentication failed", 401));
            default -> all(batch, batchLevel(status, json, token));
        };
    }

    private static List<EventResult> perEventResults(List<QueuedEvent> batch, Optional<JsonBody> json, Secret token) {
        JsonNode results = json.map(body -> body.raw("results")).orElse(null);
        if (results == null || !results.isArray()) {
            return all(batch, new HostedFailure(FailureCategory.UNKNOWN,
                    "Unexpected response from the batch ingress (HTTP 200 without per-event results)", 200));
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode result : results) {
            if (result.isObject() && result.path("event_id").isString()) {
                byId.putIfAbsent(result.get("event_id").asString(), result);
            }
        }
        List<EventResult> out = new ArrayList<>();
        for (QueuedEvent event : batch) {
            JsonNode result = byId.get(event.eventId());
            if (result == null) {
                out.add(failed(event, FailureCategory.UNKNOWN, "No result returned for event", 200));
                continue;
            }
            String outcome = result.path("status").asString("");
            if (SYNCED.contains(outcome)) {
                out.add(new EventResult.Synced(event.eventId()));
            } else if ("duplicate".equals(outcome)) {
                out.add(new EventResult.Duplicate(event.eventId()));
            } else {
                String error = text(result, "error_message").or(() -> text(result, "error")).orElse("Unknown error");
                out.add(failed(event, FailureCategory.classifyText(error), SafeText.serverMessage(error, token), 200));
            }
        }
        return out;
    }

    /** A 400 with per-event {@code details} (a list, or a JSON string of one), else one error for all. */
    private static List<EventResult> badRequest(List<QueuedEvent> batch, Optional<JsonBody> json, Secret token) {
        String error = json.flatMap(body -> body.nonBlankString("error")).orElse("Bad request");
        JsonNode details = json.map(body -> body.raw("details")).orElse(null);
        if (details != null && details.isString()) {
            details = JsonBody.parse(details.asString()).filter(JsonNode::isArray).orElse(details);
        }
        if (details != null && details.isArray()) {
            Map<String, String> perEvent = new HashMap<>();
            for (JsonNode entry : details) {
                if (entry.isObject() && entry.path("event_id").isString()) {
                    perEvent.putIfAbsent(entry.get("event_id").asString(),
                            text(entry, "error").or(() -> text(entry, "reason")).orElse(error));
                }
            }
            return batch.stream().<EventResult>map(event -> {
                String message = perEvent.getOrDefault(event.eventId(), error);
                return failed(event, FailureCategory.classifyText(message), SafeText.serverMessage(message, token), 400);
            }).toList();
        }
        if (details == null || details.isNull()) {
            return all(batch, new HostedFailure(FailureCategory.classifyText(error), SafeText.serverMessage(error, token), 400));
        }
        String rendered = details.isString() ? details.asString() : details.toString();
        // Each part is sanitized on its own so the contract's line break survives (SafeText folds control characters).
        String message = SafeText.serverMessage(error, token) + "\nDetails: " + SafeText.serverMessage(rendered, token);
        return all(batch, new HostedFailure(FailureCategory.classifyText(error + "\nDetails: " + rendered), message, 400));
    }

    /** Any other status (§1.3): the message from {@code message|detail|error}, the category by status. */
    private static HostedFailure batchLevel(int status, Optional<JsonBody> json, Secret token) {
        String message = json.flatMap(body -> body.nonBlankString("message"))
                .or(() -> json.flatMap(body -> body.nonBlankString("detail")))
                .or(() -> json.flatMap(body -> body.nonBlankString("error")))
                .map(raw -> SafeText.serverMessage(raw, token))
                .orElse("HTTP " + status);
        FailureCategory category;
        if (status == 403) {
            category = MissingPrivateTeamPredicate.matches(json)
                    ? FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM : FailureCategory.UNAUTHORIZED;
        } else if (status == 408 || status == 429) {
            category = FailureCategory.RETRYABLE_TRANSPORT;
        } else if (status >= 500 && status <= 599) {
            category = FailureCategory.SERVER_ERROR;
        } else {
            // The reference scans str(body) of the parsed object (else {}): keys included, a non-JSON body is empty.
            category = json.map(JsonBody::rendered).filter(text -> !"{}".equals(text))
                    .map(FailureCategory::classifyText).orElse(FailureCategory.UNKNOWN);
        }
        return new HostedFailure(category, message, status);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank()
                ? Optional.of(value.asString()) : Optional.empty();
    }

    private static EventResult failed(QueuedEvent event, FailureCategory category, String message, Integer status) {
        return new EventResult.Failed(event.eventId(), new HostedFailure(category, message, status));
    }

    private static List<EventResult> all(List<QueuedEvent> batch, HostedFailure failure) {
        return batch.stream().<EventResult>map(event -> new EventResult.Failed(event.eventId(), failure)).toList();
    }

    private static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new UncheckedIOException("gzip into memory failed", impossible);
        }
        return bytes.toByteArray();
    }
}
