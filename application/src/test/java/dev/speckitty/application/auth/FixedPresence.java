package dev.speckitty.application.auth;

import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionIdentity;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
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
                    Fixtures.session("at", "rt", Duration.ofMinutes(5), List.of(Fixtures.PRIVATE)));
            case REFRESH_EXPIRED -> new InMemorySessionStore(null); // answered by the handoff below
            case NOT_AUTHENTICATED -> new InMemorySessionStore(null);
            case UNREADABLE -> new UnreadableStore();
        };
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(token -> null), clock);
        SessionHotPath hotPath = presence == Presence.REFRESH_EXPIRED
                ? () -> Optional.of(new SessionHotPath.Summary(Fixtures.NOW, Fixtures.NOW.minusSeconds(1)))
                : Optional::empty;
        return new SessionPresence(hotPath, sessions, clock);
    }

    private static final class UnreadableStore implements SessionStore {

        @Override
        public Optional<StoredSession> read() {
            throw new SessionStorageException(SessionStorageException.Problem.DECRYPTION_FAILED, "cannot decrypt");
        }

        @Override
        public void write(StoredSession session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replaceIf(SessionIdentity expected, StoredSession session) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StorageDescription describe() {
            return new StorageDescription("unreadable", "nowhere");
        }

        @Override
        public String keyDerivation() {
            return "none";
        }
    }
}
