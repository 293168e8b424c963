package dev.speckitty.application.session;

import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process's view of the session: loads it from the durable store at most once, hands out
 * access tokens and refreshes them through the {@link RefreshTransaction} with in-process single
 * flight, and keeps the post-refresh membership hook (docs/spec/hosted-contract.md §5.1, §5.3).
 */
public final class SessionManager {

    private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

    private final SessionStore store;
    private final RefreshTransaction transaction;
    private final MembershipRehydration membership;
    private final Clock clock;
    private final ReentrantLock singleFlight = new ReentrantLock();

    private volatile boolean loaded;
    private volatile StoredSession session;

    public SessionManager(
            SessionStore store, RefreshTransaction transaction, MembershipRehydration membership, Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.membership = membership;
        this.clock = clock;
    }

    /** The session, decrypting it on first use. A storage problem propagates to the caller. */
    public Optional<StoredSession> current() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    session = store.read().orElse(null);
                    loaded = true;
                }
            }
        }
        return Optional.ofNullable(session);
    }

    /** An access token valid for at least the refresh buffer, refreshing first if needed. */
    public TokenAccess accessToken() {
        return refresh(false).access();
    }

    /**
     * Refresh now if the access token is near expiry, or always with {@code force}. The report says
     * what happened (including "not needed"), never the token.
     */
    public RefreshAttempt refresh(boolean force) {
        try {
            return refreshOnce(force);
        } catch (SessionStorageException unreadable) {
            return RefreshAttempt.denied(new AuthProblem(AuthProblem.Kind.STORAGE_UNREADABLE, unreadable.getMessage()));
        }
    }

    private RefreshAttempt refreshOnce(boolean force) {
        if (current().isEmpty()) {
            return RefreshAttempt.denied(AuthProblem.notAuthenticated());
        }
        singleFlight.lock();
        try {
            StoredSession mine = session;
            if (mine == null) {
                return RefreshAttempt.denied(AuthProblem.notAuthenticated());
            }
            if (!force && !mine.isAccessTokenExpired(clock.instant(), AuthTimings.REFRESH_BUFFER)) {
                return RefreshAttempt.notNeeded(mine); // another caller already refreshed
            }
            if (mine.isRefreshTokenExpired(clock.instant())) {
                return RefreshAttempt.denied(
                        new AuthProblem(AuthProblem.Kind.REFRESH_TOKEN_EXPIRED, AuthProblem.REFRESH_EXPIRED));
            }
            RefreshResultReport report = transaction.run(mine);
            LOG.log(Level.INFO, "refresh_transaction outcome={0} network_call={1}",
                    report.outcome().machineName(), report.networkCall());
            return adopt(report);
        } finally {
            singleFlight.unlock();
        }
    }

    private RefreshAttempt adopt(RefreshResultReport report) {
        return switch (report.outcome()) {
            case REFRESHED, ADOPTED_NEWER, STALE_REJECTION_PRESERVED, LOCK_TIMEOUT_ADOPTED -> {
                session = withMembership(report.session());
                yield RefreshAttempt.of(report, session);
            }
            case CURRENT_REJECTION_CLEARED -> {
                session = null;
                AuthProblem.Kind kind = report.rejectionCause() == RejectionCause.SESSION_INVALID
                        ? AuthProblem.Kind.SESSION_INVALID
                        : AuthProblem.Kind.REFRESH_TOKEN_EXPIRED;
                yield RefreshAttempt.of(report, new AuthProblem(kind, report.message()));
            }
            case LOCK_TIMEOUT_ERROR -> RefreshAttempt.of(
                    report, new AuthProblem(AuthProblem.Kind.REFRESH_LOCK_TIMEOUT, report.message()));
            case DISCARDED_AFTER_LOGOUT -> {
                session = null;
                yield RefreshAttempt.of(report, new AuthProblem(AuthProblem.Kind.NOT_AUTHENTICATED, report.message()));
            }
            case REFRESH_FAILED -> RefreshAttempt.of(report, new AuthProblem(AuthProblem.Kind.REFRESH_FAILED,
                    "Could not refresh access token (" + report.message()
                            + "); run `spec-kitty auth login` if this persists."));
        };
    }

    /** The post-refresh hook: a session without a Private Teamspace asks /api/v1/me once. */
    private StoredSession withMembership(StoredSession adopted) {
        if (adopted.privateTeam().isPresent()) {
            return adopted;
        }
        Optional<StoredSession> rehydrated = membership.rehydrate(adopted, true);
        rehydrated.ifPresent(teams -> store.replaceIf(adopted.identity(), teams)); // never after a logout
        return rehydrated.orElse(adopted);
    }

    /** The session with a Private Teamspace, asking the server once per process if it lacks one. */
    public Optional<StoredSession> withPrivateTeam(StoredSession candidate) {
        Optional<StoredSession> rehydrated = membership.rehydrate(candidate, false);
        rehydrated.filter(s -> s != candidate)
                .filter(teams -> store.replaceIf(candidate.identity(), teams)) // never after a logout
                .ifPresent(teams -> {
                    membership.forget();
                    session = teams;
                    loaded = true;
                });
        return rehydrated;
    }

    /** Whether this process asked /api/v1/me for membership (for the direct-ingress diagnostic). */
    public boolean membershipAttempted() {
        return membership.attempted();
    }

    /** Adopt and persist a new session (login, membership update). */
    public void replace(StoredSession newSession) {
        store.write(newSession);
        membership.forget();
        session = newSession;
        loaded = true;
    }

    /** Reads the stored session again (another process may have rotated it) and adopts it in memory. */
    public Optional<StoredSession> reload() {
        synchronized (this) {
            session = store.read().orElse(null);
            loaded = true;
        }
        return Optional.ofNullable(session);
    }

    /** Forget the session here and on disk (logout). */
    public void clear() {
        store.delete();
        session = null;
        loaded = true;
    }
}
