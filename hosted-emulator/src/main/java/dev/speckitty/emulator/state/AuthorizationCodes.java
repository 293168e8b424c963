package dev.speckitty.emulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Single-use authorization codes bound to their PKCE challenge and redirect URI. */
public final class AuthorizationCodes {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    private final Clock clock;
    private final TokenGenerator generator;
    private final SecretLedger ledger;
    private final Map<String, IssuedCode> codes = new HashMap<>();

    public AuthorizationCodes(Clock clock, TokenGenerator generator, SecretLedger ledger) {
        this.clock = clock;
        this.generator = generator;
        this.ledger = ledger;
    }

    public synchronized String issue(AuthorizationRequest request, String userId) {
        String code = generator.authorizationCode();
        ledger.record(SecretKind.AUTHORIZATION_CODE, code);
        codes.put(code, new IssuedCode(request, userId, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Any presentation burns the code, even one that then fails the PKCE check: no second guess. */
    public synchronized CodeRedemption redeem(String code) {
        IssuedCode issued = codes.get(code);
        if (issued == null) {
            return new CodeRedemption.Unknown();
        }
        if (issued.redeemed) {
            return new CodeRedemption.Replayed(issued.sessionId);
        }
        issued.redeemed = true;
        if (!clock.instant().isBefore(issued.expiresAt)) {
            return new CodeRedemption.Expired();
        }
        return new CodeRedemption.Fresh(issued.request, issued.userId);
    }

    /** Remembers the session a code produced, so that a replay of the code can revoke it (RFC 6749 §4.1.2). */
    public synchronized void recordSession(String code, String sessionId) {
        IssuedCode issued = codes.get(code);
        if (issued != null) {
            issued.sessionId = sessionId;
        }
    }

    public synchronized void clear() {
        codes.clear();
    }

    private static final class IssuedCode {
        private final AuthorizationRequest request;
        private final String userId;
        private final Instant expiresAt;
        private boolean redeemed;
        private String sessionId;

        IssuedCode(AuthorizationRequest request, String userId, Instant expiresAt) {
            this.request = request;
            this.userId = userId;
            this.expiresAt = expiresAt;
        }
    }
}
