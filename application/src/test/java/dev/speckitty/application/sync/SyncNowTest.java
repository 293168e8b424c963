package dev.speckitty.application.sync;

import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static dev.speckitty.testfixtures.Teams.SHARED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.ScriptedAuthorizationServer;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.hosted.FailureCategory;
import dev.speckitty.domain.hosted.HostedFailure;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemoryEventQueue;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import dev.speckitty.testfixtures.SessionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** sync now's decision order against in-memory ports (docs/spec/behaviour.md §1.3, scenarios A and D). */
class SyncNowTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();
    private final FakeRefreshLock lock = new FakeRefreshLock();
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final List<String> diagnostics = new ArrayList<>();
    private final List<String> teamHeaders = new ArrayList<>();
    private final List<String> meTokens = new ArrayList<>();
    private final List<String> bearerTokens = new ArrayList<>();
    private Runnable afterEachBatch = () -> {};
    private Function<QueuedEvent, EventResult> perEvent = event -> new EventResult.Synced(event.eventId());
    private List<Team> meTeams = List.of(SHARED);
    private final List<String> progress = new ArrayList<>();

    private SyncOutcome run(StoredSession session) {
        SessionStore store = new InMemorySessionStore(session);
        MembershipDirectory me = token -> {
            meTokens.add(token.reveal());
            return new Membership("u", "dev@example.com", "Dev", meTeams, null);
        };
        SessionManager sessions = new SessionManager(store,
                new RefreshTransaction(store, lock, server, clock), new MembershipRehydration(me), clock);
        EventIngress ingress = (batch, team, token) -> {
            teamHeaders.add(team);
            bearerTokens.add(token.reveal());
            List<EventResult> results = batch.stream().map(perEvent).toList();
            afterEachBatch.run();
            return results;
        };
        return new SyncNow(queue, ingress, sessions, diagnostics::add).run(true,
                (processed, total) -> progress.add(processed + "/" + total));
    }

    private static StoredSession session(List<Team> teams) {
        return SessionBuilder.aSession().userId("u").teams(teams).defaultTeamId(teams.getFirst().id())
                .accessToken("at_SENTINEL_1").refreshToken("rt_SENTINEL_1").sessionId("sess_seed").issuedAt(NOW)
                .accessTokenExpiresAt(NOW.plus(Duration.ofMinutes(15))).build();
    }

    private void enqueue(int n) {
        queue.enqueue(IntStream.rangeClosed(1, n).mapToObj(i -> new QueuedEvent("evt-" + i, "{}")).toList());
    }

    private static SyncReport report(SyncOutcome outcome) {
        return ((SyncOutcome.Completed) outcome).report();
    }

    @Test
    void progressIsToldAfterEveryBatchAndAStoppedDrainAccountsForTheRest() {
        enqueue(2_500);
        perEvent = event -> new EventResult.Synced(event.eventId());

        assertThat(report(run(session(List.of(PRIVATE)))).notAttempted()).isZero();
        assertThat(progress).containsExactly("1000/2500", "2000/2500", "2500/2500");

        enqueue(2_500);
        progress.clear();
        // the server refuses every event of a batch: no progress, the drain stops after the first batch
        perEvent = event -> new EventResult.Failed(event.eventId(),
                HostedFailure.of(FailureCategory.SCHEMA_MISMATCH, "rejected"));
        SyncReport stopped = report(run(session(List.of(PRIVATE))));
        assertThat(progress).containsExactly("1000/2500");
        assertThat(stopped.failed()).isEqualTo(1_000);
        assertThat(stopped.notAttempted()).isEqualTo(1_500);
        assertThat(stopped.synced() + stopped.duplicates() + stopped.failed() + stopped.notAttempted()).isEqualTo(2_500);
    }

    @Test
    void rolloutOffAndEmptyQueueDoNothing() {
        assertThat(new SyncNow(queue, null, null, diagnostics::add).run(false)).isInstanceOf(SyncOutcome.Disabled.class);
        assertThat(run(session(List.of(PRIVATE)))).isInstanceOf(SyncOutcome.QueueEmpty.class);
        assertThat(teamHeaders).isEmpty();
    }

    @Test
    void loggedOutClassifiesEveryEventUnauthenticatedWithoutHttpAndKeepsTheQueue() {
        enqueue(3);

        SyncReport report = report(run(null));

        assertThat(report.unauthenticatedLocally()).isTrue();
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.categoryCounts()).containsExactly(java.util.Map.entry(FailureCategory.UNAUTHENTICATED, 3));
        assertThat(report.failures()).allSatisfy(f -> assertThat(f.failure().message()).contains("spec-kitty auth login"));
        assertThat(teamHeaders).isEmpty();
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void privateTeamWinsOverADriftedDefaultWithoutAMembershipCall() {
        enqueue(2);
        StoredSession drifted = session(List.of(SHARED, PRIVATE)).withTeams(List.of(SHARED, PRIVATE));

        SyncReport report = report(run(drifted));

        assertThat(teamHeaders).containsExactly("t-private");
        assertThat(meTokens).isEmpty();
        assertThat(report.synced()).isEqualTo(2);
        assertThat(queue.size()).isZero();
    }

    @Test
    void sharedOnlySessionAsksMembershipOnceThenSkipsWithoutAPost() {
        enqueue(4);

        SyncReport report = report(run(session(List.of(SHARED))));

        assertThat(meTokens).containsExactly("at_SENTINEL_1");
        assertThat(teamHeaders).isEmpty();
        assertThat(report.categoryCounts()).containsOnlyKeys(FailureCategory.DIRECT_INGRESS_MISSING_PRIVATE_TEAM);
        assertThat(report.failures().getFirst().failure().message())
                .isEqualTo("skipped: no Private Teamspace available for direct ingress");
        assertThat(diagnostics).singleElement().asString().contains("direct ingress skipped")
                .contains("re-checked with the server").contains("nothing was sent").doesNotContain("{", "=");
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void rehydrateThatFindsAPrivateTeamSendsToIt() {
        enqueue(1);
        meTeams = List.of(SHARED, new Team("t-priv", "Mine", "owner", true));

        report(run(session(List.of(SHARED))));

        assertThat(meTokens).hasSize(1);
        assertThat(teamHeaders).containsExactly("t-priv");
    }

    @Test
    void drainsInBatchesOfAThousandAndRemovesOnlyAcceptedEvents() {
        enqueue(2500);
        perEvent = event -> event.eventId().endsWith("7")
                ? new EventResult.Failed(event.eventId(), HostedFailure.of(FailureCategory.SCHEMA_MISMATCH, "Invalid schema"))
                : event.eventId().endsWith("3") ? new EventResult.Duplicate(event.eventId())
                : new EventResult.Synced(event.eventId());

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(teamHeaders).hasSize(3);
        assertThat(report.failed()).isEqualTo(250);
        assertThat(report.duplicates()).isEqualTo(250);
        assertThat(report.synced()).isEqualTo(2000);
        assertThat(queue.size()).isEqualTo(250); // rejected events stay queued
    }

    @Test
    void aBatchLevelFailureStopsTheDrainAndKeepsEveryEvent() {
        enqueue(1500);
        perEvent = event -> new EventResult.Failed(event.eventId(),
                new HostedFailure(FailureCategory.SERVER_ERROR, "HTTP 503", 503));

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(teamHeaders).hasSize(1);
        assertThat(report.totalEvents()).isEqualTo(1500);
        assertThat(report.failed()).isEqualTo(1000);
        assertThat(queue.size()).isEqualTo(1500);
    }

    @Test
    void aDrainThatOutlivesItsTokenRefreshesBeforeTheNextBatch() {
        enqueue(2500);
        server.answer("rt_SENTINEL_1", new RefreshResult.Refreshed(new TokenGrant(Secret.of("at_SENTINEL_2"),
                Secret.of("rt_SENTINEL_2"), 900L, null, null, null, null, 2L)));
        afterEachBatch = () -> clock.set(NOW.plus(Duration.ofMinutes(15)).minusSeconds(2)); // 2 s left

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1", "at_SENTINEL_2", "at_SENTINEL_2");
        assertThat(server.refreshTokensSent).containsExactly("rt_SENTINEL_1");
        assertThat(report.synced()).isEqualTo(2500);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aTokenThatCannotBeRenewedMidDrainStopsItAndKeepsTheRest() {
        enqueue(2500); // rt_SENTINEL_1 has no scripted answer: the server rejects it
        afterEachBatch = () -> clock.set(NOW.plus(Duration.ofMinutes(16)));

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1");
        assertThat(report.synced()).isEqualTo(1000);
        assertThat(report.categoryCounts()).containsExactly(java.util.Map.entry(FailureCategory.UNAUTHENTICATED, 1500));
        assertThat(report.unauthenticatedLocally()).as("a batch was sent: not the logged-out case").isFalse();
        assertThat(queue.size()).isEqualTo(1500);
    }

    @Test
    void aBatch401GetsOneForcedRefreshAndOneResend() {
        enqueue(3); // the token has 15 minutes left, yet the server refuses it (clock skew, a late request)
        server.answer("rt_SENTINEL_1", rotatedTo2());
        perEvent = event -> bearerTokens.getLast().equals("at_SENTINEL_1") ? refused(event)
                : new EventResult.Synced(event.eventId());

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1", "at_SENTINEL_2");
        assertThat(server.refreshTokensSent).containsExactly("rt_SENTINEL_1");
        assertThat(report.synced()).isEqualTo(3);
        assertThat(report.failed()).isZero();
        assertThat(queue.size()).isZero();
    }

    @Test
    void a401AfterTheForcedRefreshStandsAsAuthExpiredAndKeepsTheEvents() {
        enqueue(3);
        server.answer("rt_SENTINEL_1", rotatedTo2());
        perEvent = SyncNowTest::refused;

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1", "at_SENTINEL_2");
        assertThat(server.refreshTokensSent).containsExactly("rt_SENTINEL_1");
        assertThat(report.categoryCounts()).containsExactly(java.util.Map.entry(FailureCategory.AUTH_EXPIRED, 3));
        assertThat(report.unauthenticatedLocally()).isFalse();
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void a401WhoseForcedRefreshFailsIsNotResentAndStaysAuthExpired() {
        enqueue(3);
        server.answer("rt_SENTINEL_1", new RefreshResult.Failed("Token refresh failed: HTTP 404", 404));
        perEvent = SyncNowTest::refused;

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1");
        assertThat(report.categoryCounts()).containsExactly(java.util.Map.entry(FailureCategory.AUTH_EXPIRED, 3));
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void a401WhoseForcedRefreshMeetsContentionIsTheNonFatalLockTimeout() {
        enqueue(3);
        perEvent = event -> {
            // The request arrived after the token expired, and another process is refreshing it.
            clock.set(NOW.plus(Duration.ofMinutes(16)));
            lock.holdElsewhere();
            return refused(event);
        };

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(bearerTokens).containsExactly("at_SENTINEL_1");
        assertThat(server.refreshTokensSent).isEmpty();
        assertThat(report.categoryCounts()).containsExactly(java.util.Map.entry(FailureCategory.REFRESH_LOCK_TIMEOUT, 3));
        assertThat(queue.size()).isEqualTo(3);
    }

    private static RefreshResult rotatedTo2() {
        return new RefreshResult.Refreshed(new TokenGrant(Secret.of("at_SENTINEL_2"), Secret.of("rt_SENTINEL_2"), 900L,
                null, null, null, null, 2L));
    }

    /** The batch-level 401 of the ingress adapter. */
    private static EventResult refused(QueuedEvent event) {
        return new EventResult.Failed(event.eventId(),
                new HostedFailure(FailureCategory.AUTH_EXPIRED, "Authentication failed", 401));
    }

    @Test
    void categoriesAreOrderedByCountThenFirstSeen() {
        enqueue(6);
        perEvent = event -> switch (event.eventId()) {
            case "evt-1" -> new EventResult.Failed("evt-1", HostedFailure.of(FailureCategory.AUTH_EXPIRED, "x"));
            case "evt-2", "evt-3" -> new EventResult.Failed(event.eventId(),
                    HostedFailure.of(FailureCategory.SCHEMA_MISMATCH, "y"));
            case "evt-4" -> new EventResult.Failed("evt-4", HostedFailure.of(FailureCategory.UNKNOWN, "z"));
            default -> new EventResult.Synced(event.eventId());
        };

        SyncReport report = report(run(session(List.of(PRIVATE))));

        assertThat(report.categoryCounts().keySet()).containsExactly(FailureCategory.SCHEMA_MISMATCH,
                FailureCategory.AUTH_EXPIRED, FailureCategory.UNKNOWN);
    }
}
