package dev.speckitty.application.session;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.application.session.Fixtures.expiredSeed;
import static dev.speckitty.application.session.Fixtures.rotated;
import static dev.speckitty.application.session.Fixtures.session;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static dev.speckitty.testfixtures.Teams.SHARED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The refresh transaction and session manager against in-memory ports (docs/spec/behaviour.md §3.3, group E). */
class RefreshTransactionTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeRefreshLock lock = new FakeRefreshLock();
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();
    private final SpyMembershipDirectory directory = new SpyMembershipDirectory(List.of(PRIVATE));

    private SessionManager manager(InMemorySessionStore store) {
        return new SessionManager(store, new RefreshTransaction(store, lock, server, clock),
                new MembershipRehydration(directory), clock);
    }

    @Test
    void expiredAccessTokenIsRefreshedOnceAndPersisted() {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("refreshed");
        assertThat(store.stored().refreshToken().reveal()).isEqualTo("rt_rotated_v2");
        assertThat(store.stored().accessToken().reveal()).isEqualTo("at_rotated_v2");
        assertThat(store.stored().sessionId()).isEqualTo("sess_seed");
        assertThat(store.stored().accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(store.stored().generation()).isEqualTo(2L);
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
        assertThat(directory.tokensSeen).isEmpty(); // the session already has a Private Teamspace
    }

    /** The discovery GET and the HTTP client's first use happen before the lock, not while others wait for it. */
    @Test
    void theEndpointsAreResolvedBeforeTheRefreshLockIsTaken() {
        var store = new InMemorySessionStore(expiredSeed());
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        ScriptedAuthorizationServer recordingServer = new ScriptedAuthorizationServer() {
            @Override
            public void resolveEndpoints() {
                order.add("resolve endpoints");
            }
        };
        recordingServer.answer("rt_seed_v1", token -> {
            order.add("token POST");
            return new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2"));
        });
        lock.onAcquire(() -> order.add("lock taken"));

        RefreshResultReport report = new RefreshTransaction(store, lock, recordingServer, clock).run(store.stored());

        assertThat(report.outcome()).isEqualTo(RefreshOutcome.REFRESHED);
        assertThat(order).containsExactly("resolve endpoints", "lock taken", "token POST");
    }

    /** Decision 15: a logout that went ahead while this refresh was in flight wins; nothing is written back. */
    @Test
    void aRefreshAnsweredAfterALogoutWritesNothingAndRevokesTheTokenItReceived() {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", token -> {
            store.delete(); // the logout, while the server's answer is on its way
            return new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2"));
        });
        SessionManager manager = manager(store);

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("discarded_after_logout");
        assertThat(attempt.report().networkCall()).isTrue();
        assertThat(attempt.access()).isInstanceOfSatisfying(TokenAccess.Denied.class,
                denied -> assertThat(denied.problem().kind()).isEqualTo(AuthProblem.Kind.NOT_AUTHENTICATED));
        assertThat(store.stored()).isNull();
        assertThat(store.writes()).isEqualTo(0);
        assertThat(server.revoked).containsExactly("rt_rotated_v2");
        assertThat(manager.current()).isEmpty();
    }

    @Test
    void aRefreshAnsweredAfterAForcedLoginAdoptsTheLoginAndRevokesTheTokenItReceived() {
        var store = new InMemorySessionStore(expiredSeed());
        StoredSession login = session("at_login", "rt_login", Duration.ofMinutes(15), List.of(PRIVATE));
        server.answer("rt_seed_v1", token -> {
            store.write(login);
            return new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2"));
        });

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("adopted_newer");
        assertThat(attempt.session().refreshToken().reveal()).isEqualTo("rt_login");
        assertThat(store.stored()).isEqualTo(login);
        assertThat(server.revoked).containsExactly("rt_rotated_v2");
    }

    @Test
    void freshTokenNeedsNoRefresh() {
        var store = new InMemorySessionStore(session("at_1", "rt_1", Duration.ofMinutes(15), List.of(PRIVATE)));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("not_needed");
        assertThat(attempt.access()).isInstanceOf(TokenAccess.Granted.class);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void staleGrantFromASecondManagerAdoptsTheNewerSessionWithoutNetwork() {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));
        SessionManager first = manager(store);
        SessionManager second = manager(store);
        first.current();
        second.current(); // both loaded rt_seed_v1

        assertThat(first.refresh(false).outcomeName()).isEqualTo("refreshed");
        RefreshAttempt adopted = second.refresh(false);

        assertThat(adopted.outcomeName()).isEqualTo("adopted_newer");
        assertThat(adopted.report().networkCall()).isFalse();
        assertThat(adopted.session().refreshToken().reveal()).isEqualTo("rt_rotated_v2");
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
        assertThat(store.deletes()).isEqualTo(0);
    }

    @Test
    void rejectionOfStaleMaterialNeverDeletesTheNewerSession() {
        var store = new InMemorySessionStore(expiredSeed());
        StoredSession newer = session("at_rotated_v2", "rt_rotated_v2", Duration.ofMinutes(15), List.of(PRIVATE));
        // A writer outside the lock (say, the other CLI) rotates while our POST is in flight.
        server.answer("rt_seed_v1", token -> {
            store.write(newer);
            return new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED);
        });

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("stale_rejection_preserved");
        assertThat(store.stored()).isEqualTo(newer);
        assertThat(store.deletes()).isEqualTo(0);
    }

    @Test
    void rejectionOfCurrentMaterialClearsTheSession() {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Rejected(RejectionCause.REFRESH_TOKEN_EXPIRED));
        SessionManager manager = manager(store);

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("current_rejection_cleared");
        assertThat(attempt.problem().message())
                .isEqualTo("Refresh token expired. Run `spec-kitty auth login` to log in again.");
        assertThat(store.stored()).isNull();
        assertThat(manager.accessToken()).isInstanceOf(TokenAccess.Denied.class);
    }

    @Test
    void sessionInvalidatedServerSideSaysSo() {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Rejected(RejectionCause.SESSION_INVALID));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.problem().kind()).isEqualTo(AuthProblem.Kind.SESSION_INVALID);
        assertThat(attempt.problem().message()).contains("invalidated server-side");
        assertThat(store.stored()).isNull();
    }

    @Test
    void benignReplayWithoutANewerTokenKeepsTheSessionAndDoesNotRetry() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        server.answer("rt_seed_v1", new RefreshResult.Replay(2));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_error");
        assertThat(attempt.problem().kind()).isEqualTo(AuthProblem.Kind.REFRESH_LOCK_TIMEOUT);
        assertThat(attempt.problem().message()).contains("Refresh token replay detected").contains("auth login")
                .doesNotContain("Another spec-kitty process");
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
    }

    @Test
    void benignReplayRetriesOnceWithTheNewerStoredTokenNeverTheSpentOne() {
        var store = new InMemorySessionStore(expiredSeed());
        StoredSession rotatedElsewhere = session("at_x", "rt_rotated_v2", Duration.ofSeconds(-1), List.of(PRIVATE));
        server.answer("rt_seed_v1", token -> {
            store.write(rotatedElsewhere);
            return new RefreshResult.Replay(0);
        });
        server.answer("rt_rotated_v2", new RefreshResult.Refreshed(rotated("at_rotated_v3", "rt_rotated_v3")));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("refreshed");
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1", "rt_rotated_v2");
        assertThat(store.stored().refreshToken().reveal()).isEqualTo("rt_rotated_v3");
    }

    @Test
    void aFailedReplayRetryStopsThereWithoutAThirdTry() {
        var store = new InMemorySessionStore(expiredSeed());
        StoredSession rotatedElsewhere = session("at_x", "rt_rotated_v2", Duration.ofSeconds(-1), List.of(PRIVATE));
        server.answer("rt_seed_v1", token -> {
            store.write(rotatedElsewhere);
            return new RefreshResult.Replay(0);
        });
        server.answer("rt_rotated_v2", new RefreshResult.Replay(0));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_error");
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1", "rt_rotated_v2");
        assertThat(store.stored()).isEqualTo(rotatedElsewhere);
    }

    @Test
    void lockContentionIsADistinctNonFatalProblemAndKeepsTheSession() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        lock.holdElsewhere();

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.problem().kind()).isEqualTo(AuthProblem.Kind.REFRESH_LOCK_TIMEOUT);
        assertThat(attempt.problem().message())
                .isEqualTo("Another spec-kitty process is refreshing the auth session; retry in a moment.");
        // contention: retry in a moment, never a reason to log in again
        assertThat(attempt.problem().isContention()).isTrue();
        assertThat(attempt.problem().category()).isEqualTo(FailureCategory.REFRESH_LOCK_TIMEOUT);
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    /** A process that has read the expired seed and is about to refresh. */
    private SessionManager loadedManager(InMemorySessionStore store) {
        SessionManager manager = manager(store);
        manager.current();
        return manager;
    }

    /** What another process's refresh wrote: a rotated session, usable for 15 minutes. */
    private static StoredSession refreshedElsewhere() {
        return session("at_rotated_v2", "rt_rotated_v2", Duration.ofMinutes(15), List.of(PRIVATE));
    }

    @Test
    void aWaiterAdoptsTheHoldersResultWithoutTheLockOnceItLands() {
        var store = new InMemorySessionStore(expiredSeed());
        SessionManager manager = loadedManager(store);
        lock.holdElsewhere().onAcquire(() -> // the holder's write lands while this process waits
                store.write(refreshedElsewhere()));

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("adopted_newer");
        assertThat(attempt.report().networkCall()).isFalse();
        assertThat(attempt.session().accessToken().reveal()).isEqualTo("at_rotated_v2");
        assertThat(lock.stoppedWaits()).as("stopped waiting, no timeout").isEqualTo(1);
        assertThat(lock.refusals()).isZero();
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void aSessionAnotherProcessAlreadyRefreshedIsAdoptedWithoutAskingForTheLock() {
        var store = new InMemorySessionStore(expiredSeed());
        SessionManager manager = loadedManager(store);
        store.write(refreshedElsewhere());
        AtomicInteger asked = new AtomicInteger();
        lock.onAcquire(asked::incrementAndGet);

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("adopted_newer");
        assertThat(attempt.report().networkCall()).isFalse();
        assertThat(attempt.session().accessToken().reveal()).isEqualTo("at_rotated_v2");
        assertThat(asked).as("the lock was never asked for").hasValue(0);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void lockContentionAdoptsAValidTokenTheHolderWroteAfterTheLastLook() {
        var store = new InMemorySessionStore(expiredSeed());
        SessionManager manager = loadedManager(store);
        lock.holdElsewhere().whileWaiting(() ->
                store.write(refreshedElsewhere()));

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_adopted");
        assertThat(attempt.session().accessToken().reveal()).isEqualTo("at_rotated_v2");
        assertThat(lock.refusals()).isEqualTo(1);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void aWaiterKeepsWaitingWhileTheFileHoldsNothingNewerAndUsable() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        SessionManager manager = loadedManager(store);
        // another process rewrote the same session (e.g. its teams): same identity, still expired
        store.write(seed);
        lock.holdElsewhere();

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_error");
        assertThat(lock.stoppedWaits()).isZero();
        assertThat(lock.refusals()).isEqualTo(1);
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void aWaiterDoesNotAdoptANewerSessionThatIsAlreadyExpired() {
        var store = new InMemorySessionStore(expiredSeed());
        SessionManager manager = loadedManager(store);
        StoredSession newerButExpired = session("at_rotated_v2", "rt_rotated_v2", Duration.ofSeconds(2), List.of(PRIVATE));
        store.write(newerButExpired);
        lock.holdElsewhere();

        RefreshAttempt attempt = manager.refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_error");
        assertThat(lock.stoppedWaits()).isZero();
        assertThat(store.stored()).isEqualTo(newerButExpired);
        assertThat(server.refreshTokensSent).isEmpty();
    }

    @Test
    void aTimedOutRefreshIsALockTimeoutThatKeepsStorage() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        server.answer("rt_seed_v1", new RefreshResult.TransportFailed("Network error during refresh: TimeoutException", true));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("lock_timeout_error");
        assertThat(attempt.report().networkCall()).isTrue();
        assertThat(attempt.problem().kind()).isEqualTo(AuthProblem.Kind.REFRESH_LOCK_TIMEOUT);
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
    }

    @Test
    void transportFailureLeavesStorageUntouched() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        server.answer("rt_seed_v1", new RefreshResult.TransportFailed("Network error during refresh: timeout"));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.outcomeName()).isEqualTo("refresh_failed");
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(store.writes()).isEqualTo(0);
        assertThat(store.deletes()).isEqualTo(0);
    }

    @Test
    void knownExpiredRefreshTokenAsksForLoginWithoutNetworkOrDeletion() {
        StoredSession seed = expiredSeed();
        var store = new InMemorySessionStore(seed);
        clock.set(NOW.plus(Duration.ofDays(31)));

        RefreshAttempt attempt = manager(store).refresh(false);

        assertThat(attempt.problem().kind()).isEqualTo(AuthProblem.Kind.REFRESH_TOKEN_EXPIRED);
        assertThat(server.refreshTokensSent).isEmpty();
        assertThat(store.stored()).isEqualTo(seed);
    }

    @Test
    void refreshWithoutAPrivateTeamAsksMembershipOnceWithTheNewToken() {
        var store = new InMemorySessionStore(
                session("at_seed", "rt_seed_v1", Duration.ofSeconds(-1), List.of(SHARED)));
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));
        SpyMembershipDirectory withPrivate = new SpyMembershipDirectory(List.of(SHARED,
                new dev.speckitty.domain.session.Team("t-priv", "Mine", "owner", true)));
        SessionManager manager = new SessionManager(store, new RefreshTransaction(store, lock, server, clock),
                new MembershipRehydration(withPrivate), clock);

        manager.refresh(false);

        assertThat(withPrivate.tokensSeen).containsExactly("at_rotated_v2");
        assertThat(store.stored().privateTeam()).hasValueSatisfying(team -> assertThat(team.id()).isEqualTo("t-priv"));
        assertThat(store.stored().defaultTeamId()).isEqualTo("t-priv");
    }

    @Test
    void manyThreadsOfOneProcessShareOneRefresh() throws Exception {
        var store = new InMemorySessionStore(expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(rotated("at_rotated_v2", "rt_rotated_v2")));
        SessionManager manager = manager(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TokenAccess>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return manager.accessToken();
            }));
        }
        start.countDown();
        for (Future<TokenAccess> result : results) {
            assertThat(result.get()).isInstanceOfSatisfying(TokenAccess.Granted.class,
                    granted -> assertThat(granted.accessToken().reveal()).isEqualTo("at_rotated_v2"));
        }
        pool.shutdown();
        assertThat(server.refreshTokensSent).containsExactly("rt_seed_v1");
    }
}
