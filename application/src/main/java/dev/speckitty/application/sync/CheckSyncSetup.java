package dev.speckitty.application.sync;

import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.HostedHealth;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code sync status} and {@code sync doctor}: what stands between this machine and a working
 * sync, read once from one set of collaborators. Offline unless the host probe is asked for.
 */
public final class CheckSyncSetup {

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final EventQueue queue;
    private final SessionPresence presence;
    private final HostedHealth health;
    private final BooleanSupplier syncEnabled;
    private final Supplier<Optional<String>> serverUrl;

    /**
     * @param syncEnabled whether hosted sync is opted in on this machine
     * @param serverUrl the configured hosted base URL, empty when none is
     */
    public CheckSyncSetup(EventQueue queue, SessionPresence presence, HostedHealth health, BooleanSupplier syncEnabled,
            Supplier<Optional<String>> serverUrl) {
        this.queue = queue;
        this.presence = presence;
        this.health = health;
        this.syncEnabled = syncEnabled;
        this.serverUrl = serverUrl;
    }

    /** @param probeHost also ask the health endpoint (2 s), only when sync is enabled and a server is configured */
    public SyncSetupReport check(boolean probeHost) {
        boolean enabled = syncEnabled.getAsBoolean();
        Optional<String> url = serverUrl.get();
        SessionPresence.Presence auth = presence.check();
        long pending = queue.size();
        Optional<HostedHealth.Check> probe = probeHost && url.isPresent() && enabled
                ? Optional.of(health.check(HEALTH_TIMEOUT)) : Optional.empty();
        return new SyncSetupReport(enabled, url, pending, auth, probe.map(HostedHealth.Check::reachable),
                probe.map(HostedHealth.Check::problem).orElse(""));
    }
}
