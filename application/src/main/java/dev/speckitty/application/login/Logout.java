package dev.speckitty.application.login;

import dev.speckitty.application.login.LogoutResult.RevocationSkipped;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code auth logout}: under the refresh lock, revoke the stored refresh token server-side
 * (RFC 7009), then always delete the local session, even when the server is unreachable. Holding the
 * lock means a refresh in flight finishes first and the token revoked is the one it rotated to
 * (decision 15); if the lock stays held past the wait, the session is deleted anyway and the late
 * refresh drops its result (see {@link RefreshTransaction}).
 */
public final class Logout {

    private final SessionManager sessions;
    private final RefreshGate gate;
    private final Supplier<Optional<AuthorizationServer>> server;

    /** @param server the revocation endpoint; empty when no hosted server is configured */
    public Logout(SessionManager sessions, RefreshGate gate, Supplier<Optional<AuthorizationServer>> server) {
        this.sessions = sessions;
        this.gate = gate;
        this.server = server;
    }

    /** @param revoke false for {@code --force}: delete locally only */
    public LogoutResult run(boolean revoke) {
        Optional<AuthorizationServer> revoker = revoke ? server.get() : Optional.empty();
        RevocationSkipped skipped = !revoke ? RevocationSkipped.FORCED
                : revoker.isEmpty() ? RevocationSkipped.NO_SERVER : null;
        try (RefreshGate.Passage passage = gate.enter()) {
            return logOut(revoker, passage.note()).skipped(skipped);
        }
    }

    private LogoutResult logOut(Optional<AuthorizationServer> server, String lockNote) {
        Optional<StoredSession> session;
        try {
            session = sessions.reload(); // a refresh that held the lock may have rotated the token
        } catch (SessionStorageException unreadable) {
            // An unreadable file cannot be revoked, but logging out must still remove it.
            return delete(true, null, lockNote);
        }
        if (session.isEmpty()) {
            return new LogoutResult(false, null, null, lockNote, null);
        }
        RevokeOutcome revoke = server.map(s -> session.get().refreshToken().isBlank()
                ? RevokeOutcome.NO_REFRESH_TOKEN
                : s.revoke(session.get().refreshToken())).orElse(null);
        return delete(true, revoke, lockNote);
    }

    private LogoutResult delete(boolean wasLoggedIn, RevokeOutcome revoke, String lockNote) {
        try {
            sessions.clear();
            return new LogoutResult(wasLoggedIn, revoke, null, lockNote, null);
        } catch (SessionStorageException failure) {
            return new LogoutResult(wasLoggedIn, revoke, failure.getMessage(), lockNote, null);
        }
    }
}
