package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.SessionSnapshot;
import dev.speckitty.emulator.state.TrackerItems;
import dev.speckitty.emulator.state.User;
import dev.speckitty.emulator.state.UserDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Tracker endpoints (paths are ours; the contract leaves them open). Errors use the hosted error
 * envelope ({@code error_code, category, message, user_action_required}) that tracker clients parse.
 * {@code X-Team-Slug} must name a team of the caller (any team, not only the Private Teamspace).
 */
final class TrackerHandler {

    private final BearerAuthentication bearer;
    private final UserDirectory users;

    TrackerHandler(BearerAuthentication bearer, UserDirectory users) {
        this.bearer = bearer;
        this.users = users;
    }

    Mono<ServerResponse> status(ServerRequest request) {
        return forTeam(request, (user, teamSlug) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("team_slug", teamSlug);
            body.put("provider", "emulator");
            body.put("connected", true);
            body.put("items_available", TrackerItems.sample().size());
            return OAuthResponses.json(HttpStatus.OK, body);
        });
    }

    Mono<ServerResponse> pull(ServerRequest request) {
        return forTeam(request, (user, teamSlug) -> {
            List<Map<String, Object>> items = TrackerItems.sample();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("team_slug", teamSlug);
            body.put("pulled", items.size());
            body.put("items", items);
            return OAuthResponses.json(HttpStatus.OK, body);
        });
    }

    private Mono<ServerResponse> forTeam(ServerRequest request,
                                         BiFunction<User, String, Mono<ServerResponse>> action) {
        return bearer.authenticate(request, session -> withTeam(session, request, action),
                denial -> denial.unauthorized().bodyValue(envelope("unauthenticated", "unauthenticated",
                        "Authentication required.", true)));
    }

    private Mono<ServerResponse> withTeam(SessionSnapshot session, ServerRequest request,
                                          BiFunction<User, String, Mono<ServerResponse>> action) {
        User user = users.find(session.userId()).orElseThrow();
        String teamSlug = request.headers().firstHeader(BatchIngressHandler.TEAM_HEADER);
        if (teamSlug == null || !user.isMemberOf(teamSlug)) {
            return OAuthResponses.json(HttpStatus.FORBIDDEN, envelope("not_a_team_member", "unauthorized",
                    "X-Team-Slug must name one of your teams.", false));
        }
        return action.apply(user, teamSlug);
    }

    private static Map<String, Object> envelope(String errorCode, String category, String message,
                                                boolean userActionRequired) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("category", category);
        body.put("message", message);
        body.put("retryable", false);
        body.put("user_action_required", userActionRequired);
        body.put("source", "emulator");
        return body;
    }
}
