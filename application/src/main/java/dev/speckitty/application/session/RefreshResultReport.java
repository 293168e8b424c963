package dev.speckitty.application.session;

import dev.speckitty.domain.auth.RefreshResult.RejectionCause;
import dev.speckitty.domain.session.StoredSession;
import java.util.Objects;

/**
 * What one refresh transaction did.
 *
 * @param session the session to adopt, when {@link RefreshOutcome#adoptsSession()}
 * @param networkCall whether a refresh POST was sent
 * @param message safe text for the non-adopting outcomes
 * @param rejectionCause set for {@link RefreshOutcome#CURRENT_REJECTION_CLEARED}
 */
public record RefreshResultReport(
        RefreshOutcome outcome, StoredSession session, boolean networkCall, String message,
        RejectionCause rejectionCause) {

    public RefreshResultReport {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.adoptsSession()) {
            Objects.requireNonNull(session, "an adopting outcome carries the session");
        }
    }

    static RefreshResultReport adopted(RefreshOutcome outcome, StoredSession session, boolean networkCall) {
        return new RefreshResultReport(outcome, session, networkCall, null, null);
    }

    static RefreshResultReport lockTimeout(String message, boolean networkCall) {
        return new RefreshResultReport(RefreshOutcome.LOCK_TIMEOUT_ERROR, null, networkCall, message, null);
    }

    static RefreshResultReport cleared(RejectionCause cause) {
        String message = cause == RejectionCause.SESSION_INVALID ? AuthProblem.INVALIDATED : AuthProblem.REFRESH_EXPIRED;
        return new RefreshResultReport(RefreshOutcome.CURRENT_REJECTION_CLEARED, null, true, message, cause);
    }

    static RefreshResultReport discardedAfterLogout() {
        return new RefreshResultReport(RefreshOutcome.DISCARDED_AFTER_LOGOUT, null, true,
                AuthProblem.LOGGED_OUT_DURING_REFRESH, null);
    }

    static RefreshResultReport failed(String message) {
        return new RefreshResultReport(RefreshOutcome.REFRESH_FAILED, null, true, message, null);
    }
}
