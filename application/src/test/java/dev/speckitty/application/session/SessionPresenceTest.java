package dev.speckitty.application.session;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionPresenceTest {

    private final MutableClock clock = new MutableClock(NOW);

    private SessionPresence presence(InMemorySessionStore store, SessionHotPath hotPath) {
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(token -> null), clock);
        return new SessionPresence(hotPath, sessions, clock);
    }

    @Test
    void aFreshHandoffAnswersWithoutADurableRead() {
        var store = new InMemorySessionStore(null);
        SessionHotPath hot = () -> Optional.of(new SessionHotPath.Summary(NOW, NOW.plus(Duration.ofDays(1))));

        assertThat(presence(store, hot).check()).isEqualTo(Presence.AUTHENTICATED);
        assertThat(store.reads()).isEqualTo(0);
    }

    @Test
    void aHandoffWithAnExpiredRefreshTokenSaysSo() {
        SessionHotPath hot = () -> Optional.of(new SessionHotPath.Summary(NOW, NOW.minusSeconds(1)));
        assertThat(presence(new InMemorySessionStore(null), hot).check()).isEqualTo(Presence.REFRESH_EXPIRED);
    }

    @Test
    void aMissFallsBackToTheDurableSession() {
        var store = new InMemorySessionStore(Fixtures.session("at", "rt", Duration.ofMinutes(5), List.of(PRIVATE)));
        assertThat(presence(store, Optional::empty).check()).isEqualTo(Presence.AUTHENTICATED);
        assertThat(store.reads()).isEqualTo(1);

        assertThat(presence(new InMemorySessionStore(null), Optional::empty).check())
                .isEqualTo(Presence.NOT_AUTHENTICATED);
    }
}
