package dev.speckitty.application.session;

import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.StoredSession;
import java.time.Duration;
import java.time.Instant;

/** Builds the session that a refresh grant produces (docs/spec/hosted-contract.md §2.4, §3.4). */
final class SessionRenewal {

    private SessionRenewal() {}

    /**
     * Teams, default team, identity and session id carry over; the refresh token is kept when the
     * server did not rotate it; the refresh expiry falls back from absolute to relative to the
     * previous value; {@code generation} is taken as sent (absent overwrites with null).
     */
    static StoredSession apply(StoredSession previous, TokenGrant grant, Instant now) {
        Duration accessLifetime = grant.expiresInSeconds() == null
                ? AuthTimings.DEFAULT_ACCESS_TOKEN_LIFETIME
                : Duration.ofSeconds(grant.expiresInSeconds());
        Instant refreshExpiry = grant.refreshTokenExpiresAt() != null
                ? grant.refreshTokenExpiresAt()
                : grant.refreshTokenExpiresInSeconds() != null
                        ? now.plusSeconds(grant.refreshTokenExpiresInSeconds())
                        : previous.refreshTokenExpiresAt();
        return new StoredSession(
                previous.userId(),
                previous.email(),
                previous.name(),
                previous.teams(),
                previous.defaultTeamId(),
                grant.accessToken(),
                grant.refreshToken() != null ? grant.refreshToken() : previous.refreshToken(),
                previous.sessionId(),
                now,
                now.plus(accessLifetime),
                refreshExpiry,
                grant.scope() != null ? grant.scope() : previous.scope(),
                previous.storageBackend(),
                now,
                previous.authMethod(),
                grant.generation());
    }
}
