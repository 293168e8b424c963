package dev.speckitty.application.session;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
import dev.speckitty.domain.port.StorageHealth;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthDoctorTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final ScriptedAuthorizationServer server = new ScriptedAuthorizationServer();
    private final FakeRefreshLock lock = new FakeRefreshLock(clock);
    private final List<String> probedWith = new ArrayList<>();
    private final SessionStatusProbe probe = token -> {
        probedWith.add(token.reveal());
        return ServerSessionStatus.active("sess_seed");
    };

    private AuthDoctor doctor(InMemorySessionStore store, List<StorageHealth.Check> storageChecks,
            Optional<SessionStatusProbe> probe) {
        SessionManager sessions = new SessionManager(store, new RefreshTransaction(store, new FakeRefreshLock(),
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
        lock.recordHolder(new RefreshLock.LockHolder("this-host", 42, NOW.minusSeconds(120), "0.1.0"));
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
        lock.recordHolder(new RefreshLock.LockHolder("other-host", 42, NOW.minusSeconds(5), "0.1.0"));

        DoctorReport report = doctor(store, List.of(), Optional.empty()).diagnose(options(true, false));

        assertThat(report.repair()).isEqualTo("--unstick-lock: lock not stuck; no-op.");
        assertThat(lock.currentHolder()).isPresent();
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        "UNSAFE_PERMISSIONS | chmod 600 /home/ada/.spec-kitty/auth/session.json | make the session file private",
        "DECRYPTION_FAILED  | spec-kitty auth login --force | replace it with a new session",
        "MALFORMED          | spec-kitty auth login --force | replace it with a new session",
        "WRONG_OWNER        | -                             | fix the owner, or remove the file",
        "LOCK_TIMEOUT       | -                             | retry in a moment"})
    void anUnusableSessionIsCriticalWithTheFixThatSuitsTheProblem(
            dev.speckitty.domain.session.SessionStorageException.Problem problem, String command, String description) {
        var unreadable = new InMemorySessionStore().rejectChanges()
                .failReadsWith(new dev.speckitty.domain.session.SessionStorageException(problem, "the store's own message"))
                .describedAs(new StorageDescription("encrypted-file", "/home/ada/.spec-kitty/auth/session.json"));
        SessionManager sessions = new SessionManager(unreadable, new RefreshTransaction(unreadable,
                new FakeRefreshLock(), server, clock), new MembershipRehydration(token -> null), clock);

        DoctorReport report = new AuthDoctor(sessions, unreadable, lock, List::of, clock, "this-host", Optional::empty)
                .diagnose(options(false, false));

        assertThat(report.hasCriticalFinding()).isTrue();
        DoctorReport.Finding finding = report.findings().getFirst();
        assertThat(finding.id()).isEqualTo("F-008");
        assertThat(finding.summary()).isEqualTo("Session file cannot be used: the store's own message");
        assertThat(finding.command()).isEqualTo(command);
        assertThat(finding.description()).contains(description);
        assertThat(unreadable.writes() + unreadable.replaceIfCalls() + unreadable.deletes())
                .as("doctor must not write or delete").isZero();
    }
}
