package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.TokenStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * RFC 7009 revocation: 200 whether or not the token was known, but the body tells the truth —
 * {@code {"revoked":true}} when a family was (or already had been) revoked, {@code {"revoked":false}} for an
 * unknown token. Either token of a family revokes the whole family.
 */
final class RevokeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RevokeHandler.class);

    private final TokenStore tokens;

    RevokeHandler(TokenStore tokens) {
        this.tokens = tokens;
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return request.formData().flatMap(form -> {
            String token = TokenHandler.required(form, "token");
            if (token == null) {
                return OAuthResponses.error(HttpStatus.BAD_REQUEST, "invalid_request", "token is required.");
            }
            // token_type_hint is only a hint (RFC 7009 §2.1): both token kinds are looked up anyway.
            boolean revoked = tokens.revoke(token);
            LOG.info("revocation request: {}", revoked ? "family revoked" : "unknown token");
            return OAuthResponses.json(HttpStatus.OK, Map.of("revoked", revoked));
        });
    }
}
