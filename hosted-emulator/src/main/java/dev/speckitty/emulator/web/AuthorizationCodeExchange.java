package dev.speckitty.emulator.web;

import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.state.AuthorizationCodes;
import dev.speckitty.emulator.state.AuthorizationRequest;
import dev.speckitty.emulator.state.CallCounters;
import dev.speckitty.emulator.state.CodeRedemption;
import dev.speckitty.emulator.state.IssuedTokens;
import dev.speckitty.emulator.state.NewSession;
import dev.speckitty.emulator.state.SecretKind;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.SecretLedger;
import dev.speckitty.emulator.state.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** grant_type=authorization_code: single-use code, same client and redirect URI, PKCE S256 verifier. */
final class AuthorizationCodeExchange {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodeExchange.class);

    private final AuthorizationCodes codes;
    private final TokenStore tokens;
    private final CallCounters counters;
    private final TokenRefusals refusals;
    private final SecretLedger secrets;
    private final RuntimeSwitches switches;

    AuthorizationCodeExchange(AuthorizationCodes codes, TokenStore tokens, CallCounters counters,
                              TokenRefusals refusals, SecretLedger secrets, RuntimeSwitches switches) {
        this.switches = switches;
        this.codes = codes;
        this.tokens = tokens;
        this.counters = counters;
        this.refusals = refusals;
        this.secrets = secrets;
    }

    Mono<ServerResponse> exchange(MultiValueMap<String, String> form, String clientId) {
        secrets.record(SecretKind.CODE_VERIFIER, form.getFirst("code_verifier"));
        String code = TokenHandler.required(form, "code");
        if (code == null) {
            return refusals.refuse("invalid_request", "code is required.");
        }
        return switch (codes.redeem(code)) {
            case CodeRedemption.Unknown unknown -> invalidGrant("Unknown authorization code.");
            case CodeRedemption.Expired expired -> invalidGrant("Authorization code has expired.");
            case CodeRedemption.Replayed replayed -> {
                if (replayed.sessionId() != null) {
                    // RFC 6749 §4.1.2: a replayed code revokes what the code already produced.
                    tokens.revokeSession(replayed.sessionId());
                    LOG.info("authorization code replayed; revoked session {}", replayed.sessionId());
                }
                yield invalidGrant("Authorization code has already been used.");
            }
            case CodeRedemption.Fresh fresh -> issue(code, fresh, form, clientId);
        };
    }

    private Mono<ServerResponse> issue(String code, CodeRedemption.Fresh fresh, MultiValueMap<String, String> form,
                                       String clientId) {
        AuthorizationRequest request = fresh.request();
        if (!request.clientId().equals(clientId)) {
            return invalidGrant("The code was issued to another client.");
        }
        if (!request.redirectUri().equals(form.getFirst("redirect_uri"))) {
            return invalidGrant("redirect_uri does not match the authorization request.");
        }
        if (!Pkce.verifies(form.getFirst("code_verifier"), request.codeChallenge())) {
            return invalidGrant("PKCE verification failed.");
        }
        IssuedTokens issued = tokens.openSession(NewSession.forUser(fresh.userId(), clientId, request.scope()));
        codes.recordSession(code, issued.sessionId());
        counters.tokensIssued(GrantType.AUTHORIZATION_CODE);
        LOG.info("session {} opened by authorization code", issued.sessionId());
        return OAuthResponses.tokens(issued, switches.standardOnly());
    }

    private Mono<ServerResponse> invalidGrant(String description) {
        return refusals.refuse("invalid_grant", description);
    }
}
