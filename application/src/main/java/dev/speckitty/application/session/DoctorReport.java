package dev.speckitty.application.session;

import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.StorageHealth.Severity;
import dev.speckitty.domain.session.StoredSession;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code auth doctor} found. Holds lifetimes, ids and lock metadata, never a token.
 *
 * @param keyDerivation the session key's derivation (which scrypt implementation), from the store
 * @param session null when there is no readable session
 * @param repair the message of a requested repair ({@code --unstick-lock}), or null
 * @param server the hosted session check ({@code --server}), or null
 */
public record DoctorReport(
        Instant generatedAt,
        String storageLocation,
        String keyDerivation,
        SessionFacts session,
        LockFacts refreshLock,
        List<Finding> findings,
        String repair,
        ServerSessionStatus server) {

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public boolean hasCriticalFinding() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
    }

    /**
     * {@code --server} asked and the server said "not active", or gave no answer. Lock contention is
     * not a failed check (it is the non-fatal {@code refresh_lock_timeout}: retry in a moment), and
     * neither is a server that offers no session check at all (decision 16).
     */
    public boolean serverCheckFailed() {
        return server != null && server.checked() && !server.active()
                && !AuthProblem.LOCK_CONTENTION.equals(server.error());
    }

    /** @param refreshLifetime why {@code refreshTokenRemainingSeconds} is null, when it is */
    public record SessionFacts(
            String sessionId, String userEmail, long accessTokenRemainingSeconds, Long refreshTokenRemainingSeconds,
            StoredSession.RefreshLifetime refreshLifetime, String storageBackend) {}

    public record LockFacts(
            boolean held, Long holderPid, String holderHost, Instant startedAt, Double ageSeconds, boolean stuck,
            double stuckThresholdSeconds) {}

    /** One finding; {@code command} is what to run to fix it (may be null). */
    public record Finding(String id, Severity severity, String summary, String command, String description) {}
}
