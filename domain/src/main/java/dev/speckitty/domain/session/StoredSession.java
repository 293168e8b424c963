package dev.speckitty.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable session: every field of the reference CLI's stored session, so a file written by
 * either CLI is read by the other. Tokens are {@link Secret}s, so the generated
 * {@code toString()} never shows them.
 *
 * @param authMethod wire value of {@link AuthMethod}; kept as text so an unknown value from a
 *     newer CLI survives a read-modify-write
 * @param sessionId the server's session id, or a {@linkplain #LOCAL_SESSION_PREFIX local} one minted at login
 *     when a standards server sent none (decision 16); a local id is never sent anywhere
 * @param refreshTokenExpiresAt null when unknown: "never known to be expired" (see {@link #refreshLifetime()})
 * @param generation token-family generation from the last refresh response; never displayed
 */
public record StoredSession(
        String userId,
        String email,
        String name,
        List<Team> teams,
        String defaultTeamId,
        Secret accessToken,
        Secret refreshToken,
        String sessionId,
        Instant issuedAt,
        Instant accessTokenExpiresAt,
        Instant refreshTokenExpiresAt,
        String scope,
        String storageBackend,
        Instant lastUsedAt,
        String authMethod,
        Long generation) {

    /** The only storage backend there is: the encrypted file (the reference's label is "file"). */
    public static final String FILE_BACKEND = "file";

    /** Starts a session id the CLI minted itself because the server's token response had none. */
    public static final String LOCAL_SESSION_PREFIX = "local-";

    /** What is known about the refresh token's lifetime, for display. */
    public enum RefreshLifetime {
        /** The server said when it expires. */
        KNOWN,
        /** A standards server that never says (its session id is local): not a stale session. */
        UNKNOWN,
        /** A spec-kitty session from before refresh expiries were sent: re-login populates it. */
        LEGACY
    }

    public StoredSession {
        Objects.requireNonNull(userId, "user_id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        teams = List.copyOf(Objects.requireNonNull(teams, "teams"));
        Objects.requireNonNull(defaultTeamId, "default_team_id");
        Objects.requireNonNull(accessToken, "access_token");
        Objects.requireNonNull(refreshToken, "refresh_token");
        Objects.requireNonNull(sessionId, "session_id");
        Objects.requireNonNull(issuedAt, "issued_at");
        Objects.requireNonNull(accessTokenExpiresAt, "access_token_expires_at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(storageBackend, "storage_backend");
        Objects.requireNonNull(lastUsedAt, "last_used_at");
        Objects.requireNonNull(authMethod, "auth_method");
    }

    public SessionIdentity identity() {
        return new SessionIdentity(sessionId, refreshToken);
    }

    /** True when the server sent no session id and the CLI minted a local one (never sent anywhere). */
    public boolean hasLocalSessionId() {
        return sessionId.startsWith(LOCAL_SESSION_PREFIX);
    }

    public RefreshLifetime refreshLifetime() {
        if (refreshTokenExpiresAt != null) {
            return RefreshLifetime.KNOWN;
        }
        return hasLocalSessionId() ? RefreshLifetime.UNKNOWN : RefreshLifetime.LEGACY;
    }

    /** True when the access token expires within {@code buffer} of {@code now}. */
    public boolean isAccessTokenExpired(Instant now, Duration buffer) {
        return !accessTokenExpiresAt.isAfter(now.plus(buffer));
    }

    /** True only when the refresh expiry is known and has passed. */
    public boolean isRefreshTokenExpired(Instant now) {
        return refreshTokenExpiresAt != null && !refreshTokenExpiresAt.isAfter(now);
    }

    public Optional<Team> privateTeam() {
        return Team.firstPrivate(teams);
    }

    public Optional<AuthMethod> knownAuthMethod() {
        return AuthMethod.fromWire(authMethod);
    }

    /** The same session with new membership; the default team is recomputed. */
    public StoredSession withTeams(List<Team> newTeams) {
        String newDefault = Team.pickDefaultTeamId(newTeams).orElse(defaultTeamId);
        return new StoredSession(userId, email, name, newTeams, newDefault, accessToken, refreshToken, sessionId,
                issuedAt, accessTokenExpiresAt, refreshTokenExpiresAt, scope, storageBackend, lastUsedAt,
                authMethod, generation);
    }
}
