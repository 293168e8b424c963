package dev.speckitty.emulator.web;

import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.state.CallCounters;
import dev.speckitty.emulator.state.RefreshResult;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** grant_type=refresh_token with rotation, and the 409 benign-replay answer (docs/spec/hosted-contract.md §2.5). */
final class RefreshRotation {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshRotation.class);

    private final TokenStore tokens;
    private final CallCounters counters;
    private final TokenRefusals refusals;
    private final RuntimeSwitches switches;

    RefreshRotation(TokenStore tokens, CallCounters counters, TokenRefusals refusals, RuntimeSwitches switches) {
        this.switches = switches;
        this.tokens = tokens;
        this.counters = counters;
        this.refusals = refusals;
    }

    Mono<ServerResponse> rotate(MultiValueMap<String, String> form, String clientId) {
        String refreshToken = TokenHandler.required(form, "refresh_token");
        if (refreshToken == null) {
            return refusals.refuse("invalid_request", "refresh_token is required.");
        }
        return switch (tokens.refresh(refreshToken, clientId)) {
            case RefreshResult.Rotated rotated -> {
                counters.tokensIssued(GrantType.REFRESH_TOKEN);
                LOG.info("session {} rotated to generation {}", rotated.tokens().sessionId(),
                        rotated.tokens().generation());
                yield OAuthResponses.tokens(rotated.tokens(), switches.standardOnly());
            }
            case RefreshResult.BenignReplay replay -> refusals.benignReplay(replay.retryAfterSeconds());
            case RefreshResult.Rejected rejected -> refusals.refuse("invalid_grant", rejected.description());
        };
    }
}
