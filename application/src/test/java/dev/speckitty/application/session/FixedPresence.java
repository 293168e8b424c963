package dev.speckitty.application.session;

import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import dev.speckitty.testfixtures.Teams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real {@link SessionPresence} over in-memory edges that answers the given presence. */
public final class FixedPresence {

    private FixedPresence() {}

    public static SessionPresence of(Presence presence) {
        MutableClock clock = new MutableClock(Fixtures.NOW);
        SessionStore store = switch (presence) {
            case AUTHENTICATED -> new InMemorySessionStore(
                    Fixtures.session("at", "rt", Duration.ofMinutes(5), List.of(Teams.PRIVATE)));
            case REFRESH_EXPIRED -> new InMemorySessionStore(null); // answered by the handoff below
            case NOT_AUTHENTICATED -> new InMemorySessionStore(null);
            case UNREADABLE -> new InMemorySessionStore().rejectChanges().failReadsWith(new SessionStorageException(
                    SessionStorageException.Problem.DECRYPTION_FAILED, "cannot decrypt"))
                    .describedAs(new SessionStore.StorageDescription("unreadable", "nowhere"));
        };
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(token -> null), clock);
        SessionHotPath hotPath = presence == Presence.REFRESH_EXPIRED
                ? () -> Optional.of(new SessionHotPath.Summary(Fixtures.NOW, Fixtures.NOW.minusSeconds(1)))
                : Optional::empty;
        return new SessionPresence(hotPath, sessions, clock);
    }
}
