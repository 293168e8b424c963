package dev.speckitty.application.login;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.login.LogoutResult.RevocationSkipped;
import dev.speckitty.application.session.Fixtures;
import dev.speckitty.application.session.InspectLocalSession;
import dev.speckitty.application.session.LocalSessionReport;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.session.ScriptedAuthorizationServer;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Why a logout did not ask the server to revoke (the revoking itself is in LoginTest). */
class LogoutTest {

    private final InMemorySessionStore store = new InMemorySessionStore(
            Fixtures.session("at_1", "rt_1", Duration.ofMinutes(5), List.of(PRIVATE)));
    private final SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(token -> null),
            new MutableClock(NOW));
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();
    private final AtomicInteger lookups = new AtomicInteger();

    private Logout logout(Optional<AuthorizationServer> configured) {
        Supplier<Optional<AuthorizationServer>> lookup = () -> {
            lookups.incrementAndGet();
            return configured;
        };
        return new Logout(sessions, new RefreshGate(new FakeRefreshLock()), lookup);
    }

    @Test
    void forcedLogoutNeverLooksForTheServerAndStillDeletes() {
        LogoutResult result = logout(Optional.of(server)).run(false);

        assertThat(result.skipped()).isEqualTo(RevocationSkipped.FORCED);
        assertThat(result.revoke()).isNull();
        assertThat(lookups).hasValue(0);
        assertThat(server.revoked).isEmpty();
        assertThat(store.stored()).isNull();
    }

    @Test
    void withoutAServerTheLogoutIsLocalAndSaysWhy() {
        LogoutResult result = logout(Optional.empty()).run(true);

        assertThat(result.skipped()).isEqualTo(RevocationSkipped.NO_SERVER);
        assertThat(result.loggedOut()).isTrue();
        assertThat(store.stored()).isNull();
    }

    @Test
    void withAServerNothingIsSkipped() {
        LogoutResult result = logout(Optional.of(server)).run(true);

        assertThat(result.skipped()).isNull();
        assertThat(result.revoke()).isEqualTo(RevokeOutcome.REVOKED);
        assertThat(server.revoked).containsExactly("rt_1");
    }

    @Test
    void theLocalReportCarriesTheStoreDescription() {
        LocalSessionReport report = new InspectLocalSession(store, new MutableClock(NOW)).report();

        assertThat(report.state()).isInstanceOf(LocalSessionState.Active.class);
        assertThat(report.storage()).isEqualTo(store.describe());
    }
}
