package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.TokenStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * RFC 7662 token introspection, served only by the strict standards-only server (where it stands in
 * for spec-kitty's session-status). The public client authenticates with {@code client_id}; an
 * inactive, unknown or expired token is just {@code {"active": false}} (§2.2).
 */
final class IntrospectionHandler {

    private final TokenStore tokens;

    IntrospectionHandler(TokenStore tokens) {
        this.tokens = tokens;
    }

    Mono<ServerResponse> introspect(ServerRequest request) {
        return request.formData().flatMap(form -> {
            if (TokenHandler.required(form, "client_id") == null) {
                return OAuthResponses.invalidClient();
            }
            String token = TokenHandler.required(form, "token");
            if (token == null) {
                return OAuthResponses.error(HttpStatus.BAD_REQUEST, "invalid_request", "token is required.");
            }
            return OAuthResponses.json(HttpStatus.OK, tokens.activeAccessTokenExpiry(token)
                    .map(IntrospectionHandler::active)
                    .orElse(Map.of("active", false)));
        });
    }

    private static Map<String, Object> active(Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("token_type", "Bearer");
        body.put("exp", expiresAt.getEpochSecond());
        return body;
    }
}
