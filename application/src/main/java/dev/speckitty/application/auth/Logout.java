package dev.speckitty.application.auth;

import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.util.Optional;

/**
 * {@code auth logout}: revoke the refresh token server-side (RFC 7009), then always delete the
 * local session, even when the server is unreachable.
 */
public final class Logout {

    private final SessionManager sessions;

    public Logout(SessionManager sessions) {
        this.sessions = sessions;
    }

    /** @param server empty when revocation is skipped ({@code --force} or no server configured) */
    public LogoutResult run(Optional<AuthorizationServer> server) {
        Optional<StoredSession> session;
        try {
            session = sessions.current();
        } catch (SessionStorageException unreadable) {
            // An unreadable file cannot be revoked, but logging out must still remove it.
            return delete(true, null);
        }
        if (session.isEmpty()) {
            return new LogoutResult(false, null, null);
        }
        RevokeOutcome revoke = server.map(s -> session.get().refreshToken().isBlank()
                ? RevokeOutcome.NO_REFRESH_TOKEN
                : s.revoke(session.get().refreshToken())).orElse(null);
        return delete(true, revoke);
    }

    private LogoutResult delete(boolean wasLoggedIn, RevokeOutcome revoke) {
        try {
            sessions.clear();
            return new LogoutResult(wasLoggedIn, revoke, null);
        } catch (SessionStorageException failure) {
            return new LogoutResult(wasLoggedIn, revoke, failure.getMessage());
        }
    }
}
