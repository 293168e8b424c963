package dev.speckitty.application.session;

import dev.speckitty.domain.session.StoredSession;

/**
 * The result of asking for a fresh token: the transaction report when one ran (null when none was
 * needed or possible), and either the session to use or the problem.
 */
public record RefreshAttempt(RefreshResultReport report, StoredSession session, AuthProblem problem) {

    static RefreshAttempt notNeeded(StoredSession session) {
        return new RefreshAttempt(null, session, null);
    }

    static RefreshAttempt denied(AuthProblem problem) {
        return new RefreshAttempt(null, null, problem);
    }

    static RefreshAttempt of(RefreshResultReport report, StoredSession session) {
        return new RefreshAttempt(report, session, null);
    }

    static RefreshAttempt of(RefreshResultReport report, AuthProblem problem) {
        return new RefreshAttempt(report, null, problem);
    }

    /** The outcome's machine name, or "not_needed" when the token was still fresh. */
    public String outcomeName() {
        if (report != null) {
            return report.outcome().machineName();
        }
        return problem == null ? "not_needed" : problem.kind().machineName();
    }

    public TokenAccess access() {
        return session != null
                ? new TokenAccess.Granted(session.accessToken(), session)
                : new TokenAccess.Denied(problem);
    }
}
