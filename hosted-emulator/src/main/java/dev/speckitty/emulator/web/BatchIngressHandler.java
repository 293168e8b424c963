package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.EventLedger;
import dev.speckitty.emulator.state.SessionSnapshot;
import dev.speckitty.emulator.state.User;
import dev.speckitty.emulator.state.UserDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/events/batch/}: direct ingress into the caller's Private Teamspace only.
 * Each event id is accepted once; a later copy is a duplicate.
 */
final class BatchIngressHandler {

    static final String TEAM_HEADER = "X-Team-Slug";

    private final BearerAuthentication bearer;
    private final UserDirectory users;
    private final EventLedger ledger;

    BatchIngressHandler(BearerAuthentication bearer, UserDirectory users, EventLedger ledger) {
        this.bearer = bearer;
        this.users = users;
        this.ledger = ledger;
    }

    Mono<ServerResponse> ingest(ServerRequest request) {
        return bearer.authenticate(request, session -> ingestFor(session, request), BearerAuthentication::oauthStyle);
    }

    private Mono<ServerResponse> ingestFor(SessionSnapshot session, ServerRequest request) {
        User user = users.find(session.userId()).orElseThrow();
        String teamSlug = request.headers().firstHeader(TEAM_HEADER);
        boolean targetsPrivateTeam = user.privateTeam().map(team -> team.id().equals(teamSlug)).orElse(false);
        if (!targetsPrivateTeam) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("category", "direct_ingress_missing_private_team");
            body.put("message", "Direct sync ingress must target Private Teamspace.");
            return OAuthResponses.json(HttpStatus.FORBIDDEN, body);
        }
        boolean gzipped = request.headers().header(HttpHeaders.CONTENT_ENCODING).stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("gzip"));
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    try {
                        return results(teamSlug, Json.parseObject(gzipped ? gunzip(body) : body));
                    } catch (BadRequestException e) {
                        return badRequest(e.getMessage());
                    }
                });
    }

    private Mono<ServerResponse> results(String teamSlug, Map<String, Object> batch) {
        if (!(batch.get("events") instanceof List<?> events)) {
            return badRequest("body must be {\"events\":[…]}");
        }
        List<Map<String, Object>> results = new ArrayList<>(events.size());
        for (Object event : events) {
            results.add(resultFor(teamSlug, event));
        }
        return OAuthResponses.json(HttpStatus.OK, Map.of("results", results));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resultFor(String teamSlug, Object event) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object eventId = event instanceof Map<?, ?> map ? map.get("event_id") : null;
        result.put("event_id", eventId);
        if (!(eventId instanceof String id) || id.isBlank()) {
            result.put("status", "rejected");
            result.put("error_message", "Event is missing event_id");
            return result;
        }
        boolean fresh = ledger.accept(teamSlug, id, (Map<String, Object>) event);
        result.put("status", fresh ? "success" : "duplicate");
        return result;
    }

    private static Mono<ServerResponse> badRequest(String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Bad request");
        body.put("details", details);
        return OAuthResponses.json(HttpStatus.BAD_REQUEST, body);
    }

    private static byte[] gunzip(byte[] compressed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BadRequestException("Content-Encoding is gzip but the body is not gzip data");
        }
    }
}
