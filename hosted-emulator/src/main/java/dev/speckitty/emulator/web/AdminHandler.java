package dev.speckitty.emulator.web;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.state.CounterSnapshot;
import dev.speckitty.emulator.state.EmulatorState;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.ReceivedEvent;
import dev.speckitty.emulator.state.SessionSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The {@code /__admin/} API: counters, faults, settings, seeded sessions, received events, the clock. */
final class AdminHandler {

    private final EmulatorState state;

    AdminHandler(EmulatorState state) {
        this.state = state;
    }

    Mono<ServerResponse> counters(ServerRequest request) {
        CounterSnapshot snapshot = state.counters().snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("endpoints", snapshot.endpoints());
        body.put("grant_requests", snapshot.grantRequests());
        body.put("tokens_issued", snapshot.tokensIssued());
        body.put("token_errors", snapshot.tokenErrors());
        body.put("bearer_denials", snapshot.bearerDenials());
        return ok(body);
    }

    Mono<ServerResponse> resetCounters(ServerRequest request) {
        state.counters().clear();
        return ok(Map.of("reset", "counters"));
    }

    Mono<ServerResponse> reset(ServerRequest request) {
        state.reset();
        return ok(Map.of("reset", "all"));
    }

    Mono<ServerResponse> faults(ServerRequest request) {
        return ok(state.faults().describe());
    }

    Mono<ServerResponse> addFault(ServerRequest request) {
        return withJson(request, json -> {
            Object key = json.get("endpoint");
            Endpoint endpoint = Endpoint.byKey(key instanceof String text ? text : "")
                    .orElseThrow(() -> new BadRequestException("endpoint must be one of " + endpointKeys()));
            state.faults().add(endpoint, AdminJson.fault(json));
            return ok(state.faults().describe());
        });
    }

    Mono<ServerResponse> clearFaults(ServerRequest request) {
        var key = request.queryParam("endpoint");
        if (key.isPresent()) {
            Endpoint endpoint = Endpoint.byKey(key.get()).orElse(null);
            if (endpoint == null) {
                return badRequest("endpoint must be one of " + endpointKeys());
            }
            state.faults().clear(endpoint);
        } else {
            state.faults().clear();
        }
        return ok(state.faults().describe());
    }

    Mono<ServerResponse> settings(ServerRequest request) {
        return ok(AdminJson.settings(state));
    }

    Mono<ServerResponse> updateSettings(ServerRequest request) {
        return withJson(request, json -> {
            AdminJson.applySettings(state, json);
            return ok(AdminJson.settings(state));
        });
    }

    Mono<ServerResponse> user(ServerRequest request) {
        return ok(state.users().signedInUser().toJson());
    }

    Mono<ServerResponse> replaceUser(ServerRequest request) {
        return withJson(request, json -> {
            state.users().replaceSignedInUser(AdminJson.user(json, state.users().signedInUser()));
            return ok(state.users().signedInUser().toJson());
        });
    }

    Mono<ServerResponse> overrideMe(ServerRequest request) {
        return withJson(request, json -> {
            state.meOverride(json);
            return ok(Map.of("me_override", true));
        });
    }

    Mono<ServerResponse> clearMeOverride(ServerRequest request) {
        state.meOverride(null);
        return ok(Map.of("me_override", false));
    }

    Mono<ServerResponse> mintSession(ServerRequest request) {
        return withJson(request, json -> {
            MintedSession minted;
            try {
                minted = state.mint().mint(AdminJson.sessionSeed(json, state.users().signedInUser()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new BadRequestException(e.getMessage());
            }
            return OAuthResponses.json(HttpStatus.CREATED, AdminJson.minted(minted));
        });
    }

    Mono<ServerResponse> session(ServerRequest request) {
        return state.tokens().session(request.pathVariable("id"))
                .map(session -> ok(describe(session)))
                .orElseGet(() -> notFound("no such session"));
    }

    Mono<ServerResponse> expireAccessToken(ServerRequest request) {
        String sessionId = request.pathVariable("id");
        return state.tokens().expireAccessTokens(sessionId)
                ? ok(Map.of("session_id", sessionId, "access_token_expired", true))
                : notFound("no such session");
    }

    Mono<ServerResponse> revokeSession(ServerRequest request) {
        String sessionId = request.pathVariable("id");
        return state.tokens().revokeSession(sessionId)
                ? ok(Map.of("session_id", sessionId, "revoked", true))
                : notFound("no such session");
    }

    Mono<ServerResponse> events(ServerRequest request) {
        List<Map<String, Object>> events = state.events().accepted().stream().map(AdminHandler::describe).toList();
        return ok(Map.of("events", events));
    }

    Mono<ServerResponse> advanceClock(ServerRequest request) {
        return withJson(request, json -> {
            int seconds = AdminJson.integer("advance_seconds", json.getOrDefault("advance_seconds", 0));
            state.clock().advance(Duration.ofSeconds(seconds));
            return ok(Map.of("clock_offset_seconds", state.clock().offset().toSeconds(),
                    "now", OAuthResponses.iso(state.clock().instant())));
        });
    }

    private static Map<String, Object> describe(SessionSnapshot session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session_id", session.sessionId());
        json.put("user_id", session.userId());
        json.put("client_id", session.clientId());
        json.put("scope", session.scope());
        json.put("generation", session.generation());
        json.put("revoked", session.revoked());
        json.put("refresh_token_expires_at", OAuthResponses.iso(session.refreshTokenExpiresAt()));
        return json;
    }

    private static Map<String, Object> describe(ReceivedEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("team_slug", event.teamSlug());
        json.put("event_id", event.eventId());
        json.put("received_at", OAuthResponses.iso(event.receivedAt()));
        json.put("event", event.event());
        return json;
    }

    private static Mono<ServerResponse> withJson(ServerRequest request,
                                                 Function<Map<String, Object>, Mono<ServerResponse>> action) {
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    try {
                        return action.apply(Json.parseObject(body));
                    } catch (BadRequestException e) {
                        return badRequest(e.getMessage());
                    }
                });
    }

    private static List<String> endpointKeys() {
        return java.util.Arrays.stream(Endpoint.values()).map(Endpoint::key).toList();
    }

    private static Mono<ServerResponse> ok(Object body) {
        return OAuthResponses.json(HttpStatus.OK, body);
    }

    private static Mono<ServerResponse> badRequest(String message) {
        return OAuthResponses.json(HttpStatus.BAD_REQUEST, Map.of("error", "bad_admin_request", "message", message));
    }

    private static Mono<ServerResponse> notFound(String message) {
        return OAuthResponses.json(HttpStatus.NOT_FOUND, Map.of("error", "not_found", "message", message));
    }
}
