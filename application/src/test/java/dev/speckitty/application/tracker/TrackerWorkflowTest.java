package dev.speckitty.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import dev.speckitty.domain.tracker.TrackerResult;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.SessionBuilder;
import dev.speckitty.testfixtures.Teams;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tracker readiness gate and the one forced refresh on 401 (docs/spec/behaviour.md §1.5, scenario C). */
class TrackerWorkflowTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> calls = new ArrayList<>();
    private final Deque<TrackerResult> answers = new ArrayDeque<>();
    private int refreshes;
    private boolean reachable = true;
    private final FakeRefreshLock lock = new FakeRefreshLock();
    private TrackerBinding trackerBinding = new TrackerBinding("linear", "lin-1", null, null);

    private TrackerWorkflow workflow(StoredSession session) {
        SessionStore store = new InMemorySessionStore(session);
        SessionManager sessions = new SessionManager(store, new RefreshTransaction(store, lock, new RotatingServer(), clock),
                new MembershipRehydration(token -> null), clock);
        BindingStore bindings = new BindingStore() {
            public Optional<TeamspaceBinding> read() {
                return Optional.of(new TeamspaceBinding("/repo", "u-1", "acme-local", null, null, null, trackerBinding));
            }

            public void bindTeamspace(String teamspace) {}

            public void unbindTeamspace() {}

            public void bindTracker(TrackerBinding tracker) {}

            public Optional<NewProjectSite> newProjectSite() {
                return Optional.empty();
            }

            public void createProject(String projectUuid, String projectSlug) {}
        };
        dev.speckitty.domain.port.TrackerService service = new dev.speckitty.domain.port.TrackerService() {
            public TrackerResult status(String team, Secret token) {
                calls.add("status " + team + " " + token.reveal());
                return answers.isEmpty() ? new TrackerResult.Ok(Map.of("connected", true)) : answers.poll();
            }

            public TrackerResult pull(String team, Secret token) {
                calls.add("pull " + team + " " + token.reveal());
                return answers.isEmpty() ? new TrackerResult.Ok(Map.of("pulled", 2)) : answers.poll();
            }
        };
        return new TrackerWorkflow(new SessionPresence(Optional::empty, sessions, clock), sessions, bindings, service,
                timeout -> reachable ? HostedHealth.Check.answered() : HostedHealth.Check.unreachable("refused"));
    }

    private static StoredSession session() {
        return session(NOW.plusSeconds(900));
    }

    private static StoredSession session(Instant accessTokenExpiresAt) {
        return SessionBuilder.aSession().userId("u").teams(Teams.SHARED, Teams.PRIVATE).defaultTeamId("t-shared")
                .accessToken("at_SENTINEL_1").refreshToken("rt_SENTINEL_1").sessionId("sess").issuedAt(NOW)
                .accessTokenExpiresAt(accessTokenExpiresAt).build();
    }

    @Test
    void theGateReportsTheFirstFailingStateInOrder() {
        assertThat(workflow(session()).readiness(false, true, true)).isEqualTo(Readiness.ROLLOUT_DISABLED);
        assertThat(workflow(null).readiness(true, true, true)).isEqualTo(Readiness.MISSING_AUTH);
        assertThat(workflow(session()).readiness(true, false, true)).isEqualTo(Readiness.MISSING_HOST_CONFIG);
        reachable = false;
        assertThat(workflow(session()).readiness(true, true, true)).isEqualTo(Readiness.HOST_UNREACHABLE);
        reachable = true;
        trackerBinding = null;
        assertThat(workflow(session()).readiness(true, true, true)).isEqualTo(Readiness.MISSING_MISSION_BINDING);
        assertThat(workflow(session()).readiness(true, true, false)).isEqualTo(Readiness.READY);
        assertThat(calls).isEmpty();
    }

    @Test
    void callsUseTheDefaultTeamNotNecessarilyThePrivateOne() {
        assertThat(workflow(session()).status()).isInstanceOf(TrackerResult.Ok.class);
        assertThat(calls).containsExactly("status t-shared at_SENTINEL_1");
    }

    @Test
    void a401TwiceIsSessionExpiredWithExactlyOneRefreshBetween() {
        answers.add(new TrackerResult.Unauthorized());
        answers.add(new TrackerResult.Unauthorized());

        TrackerResult result = workflow(session()).status();

        assertThat(result).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> {
            assertThat(failed.errorCode()).isEqualTo("session_expired");
            assertThat(failed.message()).isEqualTo("Session expired. Run `spec-kitty auth login` to re-authenticate.");
        });
        assertThat(refreshes).isEqualTo(1);
        assertThat(calls).containsExactly("status t-shared at_SENTINEL_1", "status t-shared at_rotated_2");
    }

    @Test
    void a401ThenSuccessAfterTheRefresh() {
        answers.add(new TrackerResult.Unauthorized());
        assertThat(workflow(session()).pull()).isInstanceOf(TrackerResult.Ok.class);
        assertThat(refreshes).isEqualTo(1);
    }

    @Test
    void noSessionIsUnauthenticatedWithoutACall() {
        TrackerResult result = workflow(null).status();
        assertThat(result).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> {
            assertThat(failed.errorCode()).isEqualTo("unauthenticated");
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.userActionRequired()).isTrue();
            assertThat(failed.details()).containsEntry("category", "unauthenticated");
            assertThat(failed.message()).contains("spec-kitty auth login");
        });
        assertThat(calls).isEmpty();
    }

    @Test
    void anotherProcessRefreshingIsTheRetryableRefreshLockTimeoutNeverUnauthenticated() {
        lock.holdElsewhere();

        TrackerResult result = workflow(session(NOW.minusSeconds(1))).status();

        assertThat(result).isInstanceOfSatisfying(TrackerResult.Failed.class, failed -> {
            assertThat(failed.errorCode()).isEqualTo("refresh_lock_timeout");
            assertThat(failed.message()).isEqualTo("Another spec-kitty process is refreshing the auth session; retry in a moment.");
            assertThat(failed.userActionRequired()).isFalse();
            assertThat(failed.status()).isNull();
        });
        assertThat(refreshes).isZero();
        assertThat(calls).isEmpty();
    }

    private final class RotatingServer implements AuthorizationServer {
        public RefreshResult refresh(Secret refreshToken) {
            refreshes++;
            return new RefreshResult.Refreshed(new TokenGrant(Secret.of("at_rotated_2"), Secret.of("rt_rotated_2"),
                    900L, null, null, null, null, 2L));
        }

        public String authorizationUrl(AuthorizationRequest request) {
            throw new UnsupportedOperationException();
        }

        public boolean discovered() {
            return false;
        }

        public DeviceAuthorization requestDeviceAuthorization() {
            throw new UnsupportedOperationException();
        }

        public DevicePoll pollDeviceToken(Secret deviceCode) {
            throw new UnsupportedOperationException();
        }

        public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
            throw new UnsupportedOperationException();
        }

        public RevokeOutcome revoke(Secret refreshToken) {
            return RevokeOutcome.REVOKED;
        }
    }
}
