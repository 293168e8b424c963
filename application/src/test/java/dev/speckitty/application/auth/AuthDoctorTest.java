package dev.speckitty.application.auth;

import static dev.speckitty.application.auth.Fixtures.NOW;
import static dev.speckitty.application.auth.Fixtures.PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.port.StorageHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthDoctorTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();
    private final RecordingLock lock = new RecordingLock();
    private final List<String> probedWith = new ArrayList<>();
    private final SessionStatusProbe probe = token -> {
        probedWith.add(token.reveal());
        return ServerSessionStatus.active("sess_seed");
    };

    private AuthDoctor doctor(InMemorySessionStore store, List<StorageHealth.Check> storageChecks,
            Optional<SessionStatusProbe> probe) {
        SessionManager sessions = new SessionManager(store, new RefreshTransaction(store, new InMemoryRefreshLock(),
                server, clock), new MembershipRehydration(token -> null), clock);
        return new AuthDoctor(sessions, store, lock, () -> storageChecks, clock, "this-host", () -> probe);
    }

    private static AuthDoctor.Options options(boolean unstick, boolean server) {
        return new AuthDoctor.Options(unstick, Duration.ofSeconds(60), server);
    }

    @Test
    void noSessionIsCritical() {
        DoctorReport report = doctor(new InMemorySessionStore(null), List.of(), Optional.of(probe)).diagnose(options(false, false));

        assertThat(report.hasCriticalFinding()).isTrue();
        assertThat(report.findings()).extracting(DoctorReport.Finding::id).containsExactly("F-001");
        assertThat(report.server()).isNull();
        assertThat(probedWith).isEmpty();
    }

    @Test
    void healthySessionHasNoFindingAndTheServerCheckRefreshesFirst() {
        var store = new InMemorySessionStore(Fixtures.expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Refreshed(Fixtures.rotated("at_rotated_v2", "rt_rotated_v2")));

        DoctorReport report = doctor(store, List.of(), Optional.of(probe)).diagnose(options(false, true));

        assertThat(report.findings()).isEmpty();
        assertThat(report.server().active()).isTrue();
        assertThat(probedWith).containsExactly("at_rotated_v2");
        assertThat(report.session().sessionId()).isEqualTo("sess_seed");
    }

    @Test
    void rejectedRefreshAsksToReauthenticate() {
        var store = new InMemorySessionStore(Fixtures.expiredSeed());
        server.answer("rt_seed_v1", new RefreshResult.Rejected(RefreshResult.RejectionCause.REFRESH_TOKEN_EXPIRED));

        DoctorReport report = doctor(store, List.of(), Optional.of(probe)).diagnose(options(false, true));

        assertThat(report.server().active()).isFalse();
        assertThat(report.server().error()).isEqualTo("re-authenticate");
        assertThat(store.stored()).isNull();
    }

    @Test
    void storageChecksAndAStuckLockAreReportedAndTheLockCanBeReleased() {
        var store = new InMemorySessionStore(Fixtures.session("at", "rt", Duration.ofMinutes(10), List.of(PRIVATE)));
        lock.holder = new RefreshLock.LockHolder("this-host", 42, NOW.minusSeconds(120), "0.1.0");
        var unsafe = new StorageHealth.Check("F-101", StorageHealth.Severity.CRITICAL, "unsafe mode", "chmod 600 x");

        DoctorReport report = doctor(store, List.of(unsafe), Optional.empty()).diagnose(options(false, false));
        assertThat(report.findings()).extracting(DoctorReport.Finding::id).containsExactly("F-101", "F-003");
        assertThat(report.refreshLock().stuck()).isTrue();

        DoctorReport repaired = doctor(store, List.of(), Optional.empty()).diagnose(options(true, false));
        assertThat(repaired.repair()).isEqualTo("--unstick-lock: stuck lock released.");
        assertThat(repaired.findings()).isEmpty();
    }

    @Test
    void aFreshLockIsNotReleased() {
        var store = new InMemorySessionStore(Fixtures.session("at", "rt", Duration.ofMinutes(10), List.of(PRIVATE)));
        lock.holder = new RefreshLock.LockHolder("other-host", 42, NOW.minusSeconds(5), "0.1.0");

        DoctorReport report = doctor(store, List.of(), Optional.empty()).diagnose(options(true, false));

        assertThat(report.repair()).isEqualTo("--unstick-lock: lock not stuck; no-op.");
        assertThat(lock.holder).isNotNull();
        assertThat(report.findings()).extracting(DoctorReport.Finding::id).containsExactly("F-007");
    }

    @Test
    void theHostedEndpointIsLookedUpOnlyForTheServerCheck() {
        var store = new InMemorySessionStore(Fixtures.session("at", "rt", Duration.ofMinutes(10), List.of(PRIVATE)));
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(token -> null), clock);
        List<String> lookups = new ArrayList<>();
        AuthDoctor doctor = new AuthDoctor(sessions, store, lock, List::of, clock, "this-host", () -> {
            lookups.add("probe");
            return Optional.of(probe);
        });

        doctor.diagnose(options(false, false));
        assertThat(lookups).isEmpty();

        doctor.diagnose(options(false, true));
        assertThat(lookups).containsExactly("probe");
    }

    @Test
    void serverCheckWithoutConfigurationSaysSo() {
        var store = new InMemorySessionStore(Fixtures.session("at", "rt", Duration.ofMinutes(10), List.of(PRIVATE)));
        DoctorReport report = doctor(store, List.of(), Optional.empty()).diagnose(options(false, true));
        assertThat(report.server().error()).isEqualTo("SaaS URL not configured");
    }

    private static final class RecordingLock implements RefreshLock {
        LockHolder holder;

        @Override
        public Optional<Lease> acquire(Duration timeout) {
            return Optional.of(() -> {});
        }

        @Override
        public Optional<LockHolder> currentHolder() {
            return Optional.ofNullable(holder);
        }

        @Override
        public boolean releaseIfStuck(Duration olderThan) {
            if (holder != null && holder.age(NOW).compareTo(olderThan) > 0) {
                holder = null;
                return true;
            }
            return false;
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        "UNSAFE_PERMISSIONS | chmod 600 /home/ada/.spec-kitty/auth/session.json | make the session file private",
        "DECRYPTION_FAILED  | spec-kitty auth login --force | replace it with a new session",
        "MALFORMED          | spec-kitty auth login --force | replace it with a new session",
        "WRONG_OWNER        | -                             | fix the owner, or remove the file",
        "LOCK_TIMEOUT       | -                             | retry in a moment"})
    void anUnusableSessionIsCriticalWithTheFixThatSuitsTheProblem(
            dev.speckitty.domain.session.SessionStorageException.Problem problem, String command, String description) {
        var unreadable = new dev.speckitty.domain.port.SessionStore() {
            @Override
            public Optional<dev.speckitty.domain.session.StoredSession> read() {
                throw new dev.speckitty.domain.session.SessionStorageException(problem, "the store's own message");
            }

            @Override
            public void write(dev.speckitty.domain.session.StoredSession session) {
                throw new AssertionError("doctor must not write");
            }

            @Override
            public boolean replaceIf(dev.speckitty.domain.session.SessionIdentity expected,
                    dev.speckitty.domain.session.StoredSession session) {
                throw new AssertionError("doctor must not write");
            }

            @Override
            public void delete() {
                throw new AssertionError("doctor must not delete");
            }

            @Override
            public StorageDescription describe() {
                return new StorageDescription("encrypted-file", "/home/ada/.spec-kitty/auth/session.json");
            }

            @Override
            public String keyDerivation() {
                return "scrypt via a test double";
            }
        };
        SessionManager sessions = new SessionManager(unreadable, new RefreshTransaction(unreadable,
                new InMemoryRefreshLock(), server, clock), new MembershipRehydration(token -> null), clock);

        DoctorReport report = new AuthDoctor(sessions, unreadable, lock, List::of, clock, "this-host", Optional::empty)
                .diagnose(options(false, false));

        assertThat(report.hasCriticalFinding()).isTrue();
        DoctorReport.Finding finding = report.findings().getFirst();
        assertThat(finding.id()).isEqualTo("F-008");
        assertThat(finding.summary()).isEqualTo("Session file cannot be used: the store's own message");
        assertThat(finding.command()).isEqualTo(command);
        assertThat(finding.description()).contains(description);
    }
}
