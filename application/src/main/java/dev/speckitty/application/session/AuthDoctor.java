package dev.speckitty.application.session;

import dev.speckitty.application.session.DoctorReport.Finding;
import dev.speckitty.application.session.DoctorReport.LockFacts;
import dev.speckitty.application.session.DoctorReport.SessionFacts;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.port.StorageHealth;
import dev.speckitty.domain.port.StorageHealth.Severity;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code auth doctor}: local checks by default (no network), the hosted session check with
 * {@code --server}, and the stuck-lock repair with {@code --unstick-lock}.
 */
public final class AuthDoctor {

    private final SessionManager sessions;
    private final SessionStore store;
    private final RefreshLock refreshLock;
    private final StorageHealth storageHealth;
    private final Clock clock;
    private final String hostName;
    private final Supplier<Optional<SessionStatusProbe>> probe;

    /** @param probe the session-status endpoint; empty when no hosted URL is configured */
    public AuthDoctor(SessionManager sessions, SessionStore store, RefreshLock refreshLock,
            StorageHealth storageHealth, Clock clock, String hostName, Supplier<Optional<SessionStatusProbe>> probe) {
        this.sessions = sessions;
        this.store = store;
        this.refreshLock = refreshLock;
        this.storageHealth = storageHealth;
        this.clock = clock;
        this.hostName = hostName;
        this.probe = probe;
    }

    /** What to do beyond the local checks. */
    public record Options(boolean unstickLock, Duration stuckThreshold, boolean checkServer) {}

    public DoctorReport diagnose(Options options) {
        String repair = options.unstickLock() ? unstick(options.stuckThreshold()) : null;
        List<Finding> findings = new ArrayList<>();
        for (StorageHealth.Check check : storageHealth.inspect()) {
            findings.add(new Finding(check.id(), check.severity(), check.summary(), null, check.fix()));
        }
        SessionFacts session = sessionFacts(findings);
        LockFacts lock = lockFacts(options.stuckThreshold(), findings);
        ServerSessionStatus server = options.checkServer() ? checkServer(probe.get()) : null;
        return new DoctorReport(clock.instant(), store.describe().location(), store.keyDerivation(), session, lock,
                findings, repair, server);
    }

    private SessionFacts sessionFacts(List<Finding> findings) {
        Optional<StoredSession> session;
        try {
            session = sessions.current();
        } catch (SessionStorageException unreadable) {
            findings.add(0, unusableSession(unreadable));
            return null;
        }
        if (session.isEmpty()) {
            findings.add(0, new Finding("F-001", Severity.CRITICAL, "No active session", "spec-kitty auth login",
                    "log in to create a session"));
            return null;
        }
        StoredSession s = session.get();
        Instant now = clock.instant();
        if (s.isRefreshTokenExpired(now)) {
            findings.add(0, new Finding("F-009", Severity.CRITICAL, "Session expired (refresh token expired)",
                    "spec-kitty auth login", "log in again"));
        }
        return new SessionFacts(s.sessionId(), s.email(),
                Duration.between(now, s.accessTokenExpiresAt()).toSeconds(),
                s.refreshTokenExpiresAt() == null ? null : Duration.between(now, s.refreshTokenExpiresAt()).toSeconds(),
                s.refreshLifetime(), store.describe().backend());
    }

    /** F-008 with the fix that suits the problem: a mode is fixed in place, a broken file is replaced. */
    private Finding unusableSession(SessionStorageException unreadable) {
        String summary = "Session file cannot be used: " + unreadable.getMessage();
        return switch (unreadable.problem()) {
            case UNSAFE_PERMISSIONS -> new Finding("F-008", Severity.CRITICAL, summary,
                    "chmod 600 " + store.describe().location(), "make the session file private again");
            case WRONG_OWNER, UNREADABLE -> new Finding("F-008", Severity.CRITICAL, summary, null,
                    "see the message: fix the owner, or remove the file and run spec-kitty auth login --force");
            case LOCK_TIMEOUT -> new Finding("F-008", Severity.CRITICAL, summary, null,
                    "another spec-kitty process holds the session lock; retry in a moment");
            default -> new Finding("F-008", Severity.CRITICAL, summary, "spec-kitty auth login --force",
                    "replace it with a new session");
        };
    }

    private LockFacts lockFacts(Duration threshold, List<Finding> findings) {
        Optional<RefreshLock.LockHolder> holder = refreshLock.currentHolder();
        if (holder.isEmpty()) {
            return new LockFacts(false, null, null, null, null, false, threshold.toMillis() / 1000.0);
        }
        RefreshLock.LockHolder h = holder.get();
        double age = h.age(clock.instant()).toMillis() / 1000.0;
        boolean stuck = age > threshold.toMillis() / 1000.0;
        if (stuck) {
            findings.add(new Finding("F-003", Severity.CRITICAL,
                    String.format("Refresh lock stuck (age %.1fs > threshold %.1fs)", age, threshold.toMillis() / 1000.0),
                    "spec-kitty auth doctor --unstick-lock", "release the stuck refresh lock"));
        }
        if (!h.host().equals(hostName)) {
            findings.add(new Finding("F-007", Severity.WARN, "Lock holder is on a different host (holder="
                    + h.host() + ", this=" + hostName + ")", null, null));
        }
        return new LockFacts(true, h.pid(), h.host(), h.startedAt(), age, stuck, threshold.toMillis() / 1000.0);
    }

    private String unstick(Duration threshold) {
        Optional<RefreshLock.LockHolder> holder = refreshLock.currentHolder();
        if (holder.isEmpty() || !holder.get().age(clock.instant()).minus(threshold).isPositive()) {
            return "--unstick-lock: lock not stuck; no-op.";
        }
        return refreshLock.releaseIfStuck(threshold)
                ? "--unstick-lock: stuck lock released."
                : "--unstick-lock: lock not removed (fresh, missing, or unreadable).";
    }

    /** The hosted check, refreshing first if needed; every failure becomes a short safe text. */
    private ServerSessionStatus checkServer(Optional<SessionStatusProbe> probe) {
        if (probe.isEmpty()) {
            return ServerSessionStatus.failed("SaaS URL not configured");
        }
        return switch (sessions.accessToken()) {
            case TokenAccess.Granted granted -> probe.get().check(granted.accessToken());
            case TokenAccess.Denied denied -> ServerSessionStatus.failed(switch (denied.problem().kind()) {
                case NOT_AUTHENTICATED, REFRESH_TOKEN_EXPIRED, SESSION_INVALID -> "re-authenticate";
                case REFRESH_LOCK_TIMEOUT -> denied.problem().message();
                case REFRESH_FAILED -> "Could not refresh access token; run `spec-kitty auth login` if this persists.";
                case STORAGE_UNREADABLE -> "Could not obtain access token.";
            });
        };
    }
}
