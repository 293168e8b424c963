package dev.speckitty.application.session;

import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.time.Clock;
import java.util.Optional;

/**
 * Answers presence-only questions ("is this machine logged in?") for the logged-out detector, the
 * readiness gate, {@code sync status} and {@code auth status --short}: from a fresh hot-path
 * handoff when there is one (no decryption), else from the durable session. Anything that needs a
 * token or the identity must decrypt instead.
 */
public final class SessionPresence {

    public enum Presence {
        AUTHENTICATED("authenticated"),
        REFRESH_EXPIRED("refresh_expired"),
        NOT_AUTHENTICATED("not_authenticated"),
        UNREADABLE("unreadable");

        private final String machineName;

        Presence(String machineName) {
            this.machineName = machineName;
        }

        public String machineName() {
            return machineName;
        }
    }

    private final SessionHotPath hotPath;
    private final SessionManager sessions;
    private final Clock clock;

    public SessionPresence(SessionHotPath hotPath, SessionManager sessions, Clock clock) {
        this.hotPath = hotPath;
        this.sessions = sessions;
        this.clock = clock;
    }

    public Presence check() {
        Optional<SessionHotPath.Summary> summary = hotPath.loadFresh();
        if (summary.isPresent()) {
            return summary.get().refreshTokenExpired(clock.instant()) ? Presence.REFRESH_EXPIRED : Presence.AUTHENTICATED;
        }
        Optional<StoredSession> session;
        try {
            session = sessions.current();
        } catch (SessionStorageException unreadable) {
            return Presence.UNREADABLE;
        }
        if (session.isEmpty()) {
            return Presence.NOT_AUTHENTICATED;
        }
        return session.get().isRefreshTokenExpired(clock.instant()) ? Presence.REFRESH_EXPIRED : Presence.AUTHENTICATED;
    }
}
