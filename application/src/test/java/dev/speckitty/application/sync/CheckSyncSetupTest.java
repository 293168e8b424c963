package dev.speckitty.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.FixedPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one report behind sync status and sync doctor. */
class CheckSyncSetupTest {

    private static final String URL = "https://hosted.example";

    private final List<Duration> probes = new ArrayList<>();
    private HostedHealth.Check answer = HostedHealth.Check.answered();

    private SyncSetupReport check(boolean enabled, Optional<String> url, Presence presence, boolean probe) {
        EventQueue queue = new SizedQueue(3);
        HostedHealth health = timeout -> {
            probes.add(timeout);
            return answer;
        };
        return new CheckSyncSetup(queue, FixedPresence.of(presence), health, () -> enabled, () -> url).check(probe);
    }

    @Test
    void aReadySetupHasNoProblemAndNoNextStep() {
        SyncSetupReport report = check(true, Optional.of(URL), Presence.AUTHENTICATED, true);

        assertThat(report.queueSize()).isEqualTo(3);
        assertThat(report.reachable()).contains(true);
        assertThat(probes).containsExactly(Duration.ofSeconds(2));
        assertThat(report.problems()).isEmpty();
        assertThat(report.nextStep()).isEmpty();
        assertThat(report.doctorFailed()).isFalse();
        assertThat(report.unreachable()).isFalse();
    }

    @Test
    void theHostIsProbedOnlyWhenAskedEnabledAndConfigured() {
        assertThat(check(true, Optional.of(URL), Presence.AUTHENTICATED, false).reachable()).isEmpty();
        assertThat(check(false, Optional.of(URL), Presence.AUTHENTICATED, true).reachable()).isEmpty();
        assertThat(check(true, Optional.empty(), Presence.AUTHENTICATED, true).reachable()).isEmpty();
        assertThat(probes).isEmpty();
    }

    @Test
    void syncSwitchedOffIsReportedWithHowToOptInButIsNoFailure() {
        SyncSetupReport report = check(false, Optional.empty(), Presence.NOT_AUTHENTICATED, true);

        assertThat(report.nextStep()).contains(
                "Set SPEC_KITTY_ENABLE_SAAS_SYNC=1 to opt in to hosted sync on this machine.");
        assertThat(report.problems()).first().isEqualTo(SyncSetupReport.ROLLOUT_OFF);
        assertThat(report.problems()).hasSize(3);
        assertThat(report.doctorFailed()).isFalse();
    }

    @Test
    void theNextStepIsTheFirstMissingPiece() {
        assertThat(check(true, Optional.empty(), Presence.NOT_AUTHENTICATED, false).nextStep()).contains(
                "Set SPEC_KITTY_SAAS_URL (or [sync] server_url in config.toml) to the hosted service.");
        assertThat(check(true, Optional.of(URL), Presence.NOT_AUTHENTICATED, false).nextStep())
                .contains("Run `spec-kitty auth login` to connect.");
        assertThat(check(true, Optional.of(URL), Presence.REFRESH_EXPIRED, false).nextStep())
                .contains("Run `spec-kitty auth login` to re-authenticate.");
        assertThat(check(true, Optional.of(URL), Presence.UNREADABLE, false).nextStep()).isEmpty();
    }

    @Test
    void everyProblemCarriesItsFixAndFailsTheDoctorWhenSyncIsOn() {
        answer = HostedHealth.Check.unreachable("the connection was refused");

        SyncSetupReport report = check(true, Optional.of(URL), Presence.UNREADABLE, true);

        assertThat(report.unreachable()).isTrue();
        assertThat(report.unreachableBecause()).isEqualTo("the connection was refused");
        assertThat(report.problems()).containsExactly(
                "The session file cannot be used. Run `spec-kitty auth doctor` for details.",
                "The configured SaaS host did not respond within 2 seconds. Check network connectivity to `"
                        + URL + "` and retry.");
        assertThat(report.doctorFailed()).isTrue();
        assertThat(report.authenticated()).isFalse();
    }

    /** A queue that only knows its size: the report never reads or changes events. */
    private record SizedQueue(long size) implements EventQueue {

        @Override
        public void enqueue(List<QueuedEvent> events) {
            throw new AssertionError("the report never queues");
        }

        @Override
        public List<PendingEvent> pending(long afterPosition, int limit) {
            throw new AssertionError("the report never reads events");
        }

        @Override
        public void remove(Collection<String> eventIds) {
            throw new AssertionError("the report never removes events");
        }
    }
}
