package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.IssuedTokens;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** RFC 6749 token and error bodies. Token responses are never cached (RFC 6749 §5.1). */
final class OAuthResponses {

    private OAuthResponses() {
    }

    static Mono<ServerResponse> error(HttpStatus status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return json(status, body);
    }

    /**
     * A token response. The strict standards-only server sends RFC 6749 §5.1 fields only; spec-kitty's
     * adds the session id, the generation and the refresh expiry (docs/spec/hosted-contract.md §2.4).
     */
    static Mono<ServerResponse> tokens(IssuedTokens tokens, boolean standardOnly) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.accessTokenExpiresInSeconds());
        body.put("refresh_token", tokens.refreshToken());
        if (!standardOnly) {
            body.put("refresh_token_expires_at", iso(tokens.refreshTokenExpiresAt()));
            body.put("refresh_token_expires_in", tokens.refreshTokenExpiresInSeconds());
        }
        body.put("scope", tokens.scope());
        if (!standardOnly) {
            body.put("session_id", tokens.sessionId());
            body.put("generation", tokens.generation());
        }
        return json(HttpStatus.OK, body);
    }

    /** 401 invalid_client with the challenge RFC 6749 §5.2 asks for. */
    static Mono<ServerResponse> invalidClient() {
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"oauth\"")
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(Map.of("error", "invalid_client", "error_description", "client_id is required."));
    }

    /** An empty 200, as RFC 7009 §2.2 answers a revocation. */
    static Mono<ServerResponse> emptyOk() {
        return ServerResponse.ok().cacheControl(CacheControl.noStore()).build();
    }

    static Mono<ServerResponse> json(HttpStatus status, Object body) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .bodyValue(body);
    }

    /** ISO-8601 in UTC with a Z, to the second: what the hosted service sends. */
    static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
