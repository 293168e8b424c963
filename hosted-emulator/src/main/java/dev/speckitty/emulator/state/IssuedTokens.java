package dev.speckitty.emulator.state;

import java.time.Duration;
import java.time.Instant;

/** One access + refresh token pair handed out for a session at a given generation. */
public record IssuedTokens(
        String sessionId,
        String userId,
        String accessToken,
        Instant issuedAt,
        Instant accessTokenExpiresAt,
        String refreshToken,
        Instant refreshTokenExpiresAt,
        String scope,
        int generation) {

    public long accessTokenExpiresInSeconds() {
        return Math.max(0, Duration.between(issuedAt, accessTokenExpiresAt).toSeconds());
    }

    public long refreshTokenExpiresInSeconds() {
        return Math.max(0, Duration.between(issuedAt, refreshTokenExpiresAt).toSeconds());
    }

    @Override
    public String toString() {
        // Never let a token reach a log line through toString().
        return "IssuedTokens[session=" + sessionId + ", generation=" + generation + "]";
    }
}
