package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.EmulatorState;
import dev.speckitty.emulator.state.SessionSnapshot;
import dev.speckitty.emulator.state.Team;
import dev.speckitty.emulator.state.User;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/me} (identity and teams), {@code /api/v1/session-status}, and OpenID Connect
 * userinfo for the strict standards-only server.
 */
final class AccountHandler {

    private final EmulatorState state;
    private final BearerAuthentication bearer;

    AccountHandler(EmulatorState state, BearerAuthentication bearer) {
        this.state = state;
        this.bearer = bearer;
    }

    Mono<ServerResponse> me(ServerRequest request) {
        if (state.switches().meAbsent()) {
            return OAuthResponses.json(HttpStatus.NOT_FOUND, Map.of("error", "not_found"));
        }
        return bearer.authenticate(request, this::describeUser, BearerAuthentication::oauthStyle);
    }

    /** OpenID Connect userinfo (strict standards-only server): identity only, no teams. */
    Mono<ServerResponse> userinfo(ServerRequest request) {
        return bearer.authenticate(request, session -> {
            User user = state.users().find(session.userId()).orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("sub", user.userId());
            body.put("email", user.email());
            body.put("name", user.name());
            return OAuthResponses.json(HttpStatus.OK, body);
        }, BearerAuthentication::oauthStyle);
    }

    Mono<ServerResponse> sessionStatus(ServerRequest request) {
        return bearer.authenticate(request, session -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("session_id", session.sessionId());
            body.put("status", "active");
            body.put("current_generation", session.generation());
            return OAuthResponses.json(HttpStatus.OK, body);
        }, BearerAuthentication::oauthStyle);
    }

    private Mono<ServerResponse> describeUser(SessionSnapshot session) {
        var override = state.meOverride();
        if (override.isPresent()) {
            return OAuthResponses.json(HttpStatus.OK, override.get());
        }
        User user = state.users().find(session.userId()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", user.userId());
        body.put("email", user.email());
        body.put("name", user.name());
        body.put("teams", user.teams().stream()
                .filter(team -> !(state.switches().meWithoutPrivateTeam() && team.privateTeamspace()))
                .map(Team::toJson)
                .toList());
        if (!state.switches().standardOnly()) {
            // spec-kitty's extras; the strict server's /me is the product's resource on a plain OAuth server
            body.put("refresh_token_expires_at", OAuthResponses.iso(session.refreshTokenExpiresAt()));
            body.put("session_id", session.sessionId());
        }
        return OAuthResponses.json(HttpStatus.OK, body);
    }
}
