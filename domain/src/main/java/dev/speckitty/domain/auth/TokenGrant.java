package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A successful token endpoint answer, as parsed by the adapter. Optional fields are null when the
 * server did not send them; the application decides the fallbacks (docs/spec/hosted-contract.md §2.4).
 *
 * @param refreshToken absent on a refresh that does not rotate
 * @param expiresInSeconds access-token lifetime; null when absent
 * @param refreshTokenExpiresAt absolute refresh expiry (preferred)
 * @param refreshTokenExpiresInSeconds relative refresh expiry (fallback)
 * @param sessionId present at login; not read on refresh
 */
public record TokenGrant(
        Secret accessToken,
        Secret refreshToken,
        Long expiresInSeconds,
        Instant refreshTokenExpiresAt,
        Long refreshTokenExpiresInSeconds,
        String scope,
        String sessionId,
        Long generation) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "access_token");
    }
}
