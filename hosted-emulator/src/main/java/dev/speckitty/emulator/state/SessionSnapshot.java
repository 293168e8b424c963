package dev.speckitty.emulator.state;

import java.time.Instant;

/** A read-only view of a session (token family), without any token value. */
public record SessionSnapshot(
        String sessionId,
        String userId,
        String clientId,
        String scope,
        int generation,
        boolean revoked,
        Instant refreshTokenExpiresAt) {
}
