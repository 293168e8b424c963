package dev.speckitty.application.session;

/**
 * How a refresh transaction ended (docs/spec/behaviour.md §3.3). The first six are the reference's; {@link
 * #REFRESH_FAILED} is ours for a failure that left storage untouched (network error, unexpected
 * status), where the reference propagated an exception; {@link #DISCARDED_AFTER_LOGOUT} is ours for
 * a result that arrived after the session was logged out (decision 15: logout wins).
 */
public enum RefreshOutcome {
    REFRESHED("refreshed", true),
    ADOPTED_NEWER("adopted_newer", true),
    STALE_REJECTION_PRESERVED("stale_rejection_preserved", true),
    LOCK_TIMEOUT_ADOPTED("lock_timeout_adopted", true),
    CURRENT_REJECTION_CLEARED("current_rejection_cleared", false),
    LOCK_TIMEOUT_ERROR("lock_timeout_error", false),
    REFRESH_FAILED("refresh_failed", false),
    /** The stored session was deleted while the refresh was in flight: its result was dropped and revoked. */
    DISCARDED_AFTER_LOGOUT("discarded_after_logout", false);

    private final String machineName;
    private final boolean adoptsSession;

    RefreshOutcome(String machineName, boolean adoptsSession) {
        this.machineName = machineName;
        this.adoptsSession = adoptsSession;
    }

    public String machineName() {
        return machineName;
    }

    /** True when the outcome leaves a usable session to adopt in memory. */
    public boolean adoptsSession() {
        return adoptsSession;
    }
}
