package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.RuntimeSwitches;
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
 * unknown token. Either token of a family revokes the whole family. The strict standards-only server
 * answers as RFC 7009 does (an empty 200) and refuses a request without {@code client_id}.
 */
final class RevokeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RevokeHandler.class);

    private final TokenStore tokens;
    private final RuntimeSwitches switches;

    RevokeHandler(TokenStore tokens, RuntimeSwitches switches) {
        this.tokens = tokens;
        this.switches = switches;
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        return request.formData().flatMap(form -> {
            boolean strict = switches.standardOnly();
            if (strict && TokenHandler.required(form, "client_id") == null) {
                // The public client must identify itself (RFC 7009 §2.1, RFC 6749 §2.3.1).
                return OAuthResponses.invalidClient();
            }
            String token = TokenHandler.required(form, "token");
            if (token == null) {
                return OAuthResponses.error(HttpStatus.BAD_REQUEST, "invalid_request", "token is required.");
            }
            // token_type_hint is only a hint (RFC 7009 §2.1): both token kinds are looked up anyway.
            boolean revoked = tokens.revoke(token);
            LOG.info("revocation request: {}", revoked ? "family revoked" : "unknown token");
            // RFC 7009 §2.2: a bare 200 either way; spec-kitty's server says what happened.
            return strict ? OAuthResponses.emptyOk() : OAuthResponses.json(HttpStatus.OK, Map.of("revoked", revoked));
        });
    }
}
