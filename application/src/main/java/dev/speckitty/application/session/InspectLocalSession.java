package dev.speckitty.application.session;

import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionStorageException;
import java.time.Clock;

/** Reads the local session for {@code auth status} and {@code auth whoami}. Offline, read-only. */
public final class InspectLocalSession {

    private final SessionStore store;
    private final Clock clock;

    public InspectLocalSession(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The session and the store's label and location (describing the store reads nothing). */
    public LocalSessionReport report() {
        return new LocalSessionReport(inspect(), store.describe());
    }

    public LocalSessionState inspect() {
        try {
            return store.read()
                    .<LocalSessionState>map(session -> session.isRefreshTokenExpired(clock.instant())
                            ? new LocalSessionState.RefreshExpired(session)
                            : new LocalSessionState.Active(session))
                    .orElseGet(LocalSessionState.LoggedOut::new);
        } catch (SessionStorageException problem) {
            return new LocalSessionState.Unreadable(problem);
        }
    }
}
