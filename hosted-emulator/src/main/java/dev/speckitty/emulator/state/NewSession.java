package dev.speckitty.emulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * What to open a session with. Null optional fields get generated values (tokens, session id) or
 * the current switches (lifetimes); tests set them to seed known sentinel tokens.
 */
public record NewSession(
        String userId,
        String clientId,
        String scope,
        String sessionId,
        String accessToken,
        String refreshToken,
        Duration accessTokenTtl,
        Duration refreshTokenTtl) {

    public NewSession {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        requirePrefix(accessToken, "at_");
        requirePrefix(refreshToken, "rt_");
    }

    public static NewSession forUser(String userId, String clientId, String scope) {
        return new NewSession(userId, clientId, scope, null, null, null, null, null);
    }

    private static void requirePrefix(String token, String prefix) {
        if (token != null && !token.startsWith(prefix)) {
            // Leak scans look for the prefixes, so a seeded token must carry one too.
            throw new IllegalArgumentException("a seeded token must start with " + prefix);
        }
    }

    @Override
    public String toString() {
        return "NewSession[user=" + userId + ", session=" + sessionId + "]";
    }
}
