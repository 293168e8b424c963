package dev.speckitty.application.login;

import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.AuthMethod;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the session a login produces from the token grant and /api/v1/me (docs/spec/hosted-contract.md §2.4, §2.7).
 * A standards server sends no session_id: the session then gets a local id (decision 16).
 */
final class NewSession {

    private static final String DEFAULT_SCOPE = "offline_access";

    private NewSession() {}

    static StoredSession from(TokenGrant grant, Membership me, AuthMethod method, Instant now) {
        if (grant.refreshToken() == null || grant.expiresInSeconds() == null) {
            throw new AuthFlowException("Token response missing required fields: refresh_token or expires_in.");
        }
        if (me.teams().isEmpty() && me.teamsReported()) {
            throw new AuthFlowException("User has no team memberships. Contact your administrator.");
        }
        Instant refreshExpiry = grant.refreshTokenExpiresAt() != null ? grant.refreshTokenExpiresAt()
                : me.refreshTokenExpiresAt() != null ? me.refreshTokenExpiresAt()
                : grant.refreshTokenExpiresInSeconds() != null ? now.plusSeconds(grant.refreshTokenExpiresInSeconds())
                : null;
        return new StoredSession(
                me.userId(),
                me.email(),
                me.name() == null || me.name().isBlank() ? me.email() : me.name(),
                me.teams(),
                Team.pickDefaultTeamId(me.teams()).orElse(""), // userinfo knows no teams: no default either
                grant.accessToken(),
                grant.refreshToken(),
                grant.sessionId() != null ? grant.sessionId() : localSessionId(),
                now,
                now.plusSeconds(grant.expiresInSeconds()),
                refreshExpiry,
                grant.scope() == null ? DEFAULT_SCOPE : grant.scope(),
                StoredSession.FILE_BACKEND,
                now,
                method.wireValue(),
                null);
    }

    /** Unguessable and unmistakably local; it names the session in status output and is never sent. */
    private static String localSessionId() {
        return StoredSession.LOCAL_SESSION_PREFIX + UUID.randomUUID();
    }
}
