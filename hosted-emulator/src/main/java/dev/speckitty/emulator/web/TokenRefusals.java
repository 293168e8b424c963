package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.CallCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Every refusal the token endpoint answers, counted by its error code, so tests can assert on
 * what the server refused (e.g. no {@code invalid_grant} during a load run), not just on outcomes.
 */
final class TokenRefusals {

    static final String BENIGN_REPLAY = "refresh_replay_benign_retry";

    private final CallCounters counters;

    TokenRefusals(CallCounters counters) {
        this.counters = counters;
    }

    /** 400 with the RFC 6749 §5.2 body. */
    Mono<ServerResponse> refuse(String error, String description) {
        counters.tokenError(error);
        return OAuthResponses.error(HttpStatus.BAD_REQUEST, error, description);
    }

    /** 409: the presented refresh token was rotated moments ago (docs/spec/hosted-contract.md §2.5). */
    Mono<ServerResponse> benignReplay(int retryAfterSeconds) {
        counters.tokenError(BENIGN_REPLAY);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", BENIGN_REPLAY);
        body.put("error_description", "Refresh token was just rotated; reload current token and retry.");
        body.put("retry_after", retryAfterSeconds);
        return OAuthResponses.json(HttpStatus.CONFLICT, body);
    }
}
