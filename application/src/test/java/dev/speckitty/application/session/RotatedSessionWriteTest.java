package dev.speckitty.application.session;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.application.session.Fixtures.expiredSeed;
import static dev.speckitty.application.session.Fixtures.rotated;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 8a: the server rotated the token, then the disk refused the new session. */
class RotatedSessionWriteTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();

    private SessionManager manager(InMemorySessionStore store) {
        return new SessionManager(store, new RefreshTransaction(store, new FakeRefreshLock(), server, clock),
                new MembershipRehydration(new SpyMembershipDirectory(List.of(PRIVATE))), clock);
    }

    @Test
    void aWriteThatFailsBrieflyIsRetriedAndTheRotationKept() {
        var store = new InMemorySessionStore(expiredSeed());
        store.failNextWrites(RotatedSessionWrite.ATTEMPTS - 1);
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("refreshed");
        assertThat(store.stored().refreshToken().reveal()).isEqualTo("rt_rotated_v2");
        assertThat(store.writes()).isEqualTo(RotatedSessionWrite.ATTEMPTS);
        assertThat(server.refreshTokensSent).as("the token is spent once, never again").containsExactly("rt_seed_v1");
    }

    @Test
    void aWriteThatKeepsFailingSaysTheTokenWasSpentAndRemovesTheDeadSession() {
        var store = new InMemorySessionStore(expiredSeed());
        store.failNextWrites(Integer.MAX_VALUE);
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.access()).isNotInstanceOf(TokenAccess.Granted.class);
        assertThat(attempt.problem().message())
                .contains("renewed this session, which spent its previous refresh token")
                .contains("No space left on device", "removed", "run `spec-kitty auth login` to log in again")
                .doesNotContain("unchanged", "expired", "at_rotated_v2", "rt_rotated_v2", "rt_seed_v1");
        assertThat(store.writes()).isEqualTo(RotatedSessionWrite.ATTEMPTS);
        assertThat(store.stored()).as("its refresh token is spent: no session, not an 'expired' one").isNull();
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
        assertThat(manager(store).refresh(false).problem().kind()).isEqualTo(AuthProblem.Kind.NOT_AUTHENTICATED);
        assertThat(server.refreshTokensSent).as("the spent token is never sent again").containsExactly("rt_seed_v1");
    }
}
