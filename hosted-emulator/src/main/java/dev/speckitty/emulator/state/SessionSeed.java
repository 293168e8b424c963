package dev.speckitty.emulator.state;

import java.time.Duration;

/**
 * A session for tests to mint directly, skipping the browser. Null fields mean: the signed-in user,
 * generated token strings and session id, the current lifetimes, client {@code cli_native}, scope
 * {@code offline_access}. Seed known strings (e.g. {@code at_SENTINEL_1}) to scan output for leaks.
 */
public record SessionSeed(User user, String sessionId, String accessToken, String refreshToken,
                          Duration accessTokenTtl, Duration refreshTokenTtl, String clientId, String scope) {

    public static SessionSeed signedInUser() {
        return new SessionSeed(null, null, null, null, null, null, null, null);
    }

    public SessionSeed withUser(User value) {
        return new SessionSeed(value, sessionId, accessToken, refreshToken, accessTokenTtl, refreshTokenTtl, clientId, scope);
    }

    public SessionSeed withSessionId(String value) {
        return new SessionSeed(user, value, accessToken, refreshToken, accessTokenTtl, refreshTokenTtl, clientId, scope);
    }

    public SessionSeed withTokens(String access, String refresh) {
        return new SessionSeed(user, sessionId, access, refresh, accessTokenTtl, refreshTokenTtl, clientId, scope);
    }

    /** Zero or negative mints an access token that is already expired. */
    public SessionSeed withAccessTokenTtl(Duration value) {
        return new SessionSeed(user, sessionId, accessToken, refreshToken, value, refreshTokenTtl, clientId, scope);
    }

    public SessionSeed withRefreshTokenTtl(Duration value) {
        return new SessionSeed(user, sessionId, accessToken, refreshToken, accessTokenTtl, value, clientId, scope);
    }

    public SessionSeed withClientId(String value) {
        return new SessionSeed(user, sessionId, accessToken, refreshToken, accessTokenTtl, refreshTokenTtl, value, scope);
    }

    @Override
    public String toString() {
        return "SessionSeed[session=" + sessionId + "]";
    }
}
