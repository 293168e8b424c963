package dev.speckitty.application.sync;

import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import java.util.Optional;

/**
 * Is this a logged-out user on a repository connected to a Teamspace? (docs/spec/behaviour.md §2.2.)
 * Read-only and offline: it never creates or rewrites the binding file and never mints identity.
 */
public final class ConnectedTeamspaceDetector {

    private final SessionPresence presence;
    private final SessionManager sessions;
    private final BindingStore bindings;

    public ConnectedTeamspaceDetector(SessionPresence presence, SessionManager sessions, BindingStore bindings) {
        this.presence = presence;
        this.sessions = sessions;
        this.bindings = bindings;
    }

    /** The Teamspace handle when logged out on a connected repository; empty otherwise. */
    public Optional<String> detect() {
        Presence state = presence.check();
        if (state == Presence.AUTHENTICATED) {
            return Optional.empty();
        }
        Optional<TeamspaceBinding> binding = bindings.read();
        if (binding.isEmpty()) {
            return Optional.empty(); // no project root: no routing, no Teamspace
        }
        return binding.get().connectedTeamspace().or(() -> state == Presence.REFRESH_EXPIRED
                ? expiredSessionPrivateTeam()
                : Optional.empty());
    }

    private Optional<String> expiredSessionPrivateTeam() {
        try {
            return sessions.current().flatMap(StoredSession::privateTeam).map(Team::name)
                    .map(String::strip).filter(name -> !name.isEmpty());
        } catch (SessionStorageException unreadable) {
            return Optional.empty();
        }
    }
}
