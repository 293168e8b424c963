package dev.speckitty.application.session;

import dev.speckitty.domain.hosted.FailureCategory;
import java.util.Objects;

/** Why no usable access token could be had; the message is safe to show and says what to do. */
public record AuthProblem(Kind kind, String message) {

    public AuthProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public enum Kind {
        NOT_AUTHENTICATED("not_authenticated"),
        REFRESH_TOKEN_EXPIRED("refresh_token_expired"),
        SESSION_INVALID("session_invalid"),
        REFRESH_LOCK_TIMEOUT("refresh_lock_timeout"),
        REFRESH_FAILED("refresh_failed"),
        STORAGE_UNREADABLE("storage_unreadable");

        private final String machineName;

        Kind(String machineName) {
            this.machineName = machineName;
        }

        public String machineName() {
            return machineName;
        }
    }

    static final String NO_SESSION = "No active session. Run `spec-kitty auth login` to authenticate.";
    static final String REFRESH_EXPIRED = "Refresh token expired. Run `spec-kitty auth login` to log in again.";
    static final String INVALIDATED =
            "Session has been invalidated server-side. Run `spec-kitty auth login` to re-authenticate.";
    static final String LOCK_CONTENTION =
            "Another spec-kitty process is refreshing the auth session; retry in a moment.";
    static final String LOGGED_OUT_DURING_REFRESH = "The session was logged out while it was being refreshed."
            + " Run `spec-kitty auth login` to authenticate.";
    static final String REFRESH_TIMED_OUT =
            "The token refresh timed out; storage was left as it was. Retry in a moment.";
    static final String REPLAY = "Refresh token replay detected and no newer local token is available. "
            + "Run `spec-kitty auth login` if this persists.";

    public static AuthProblem notAuthenticated() {
        return new AuthProblem(Kind.NOT_AUTHENTICATED, NO_SESSION);
    }

    /**
     * The category of hosted work this problem stops: lock contention and a refresh that failed on
     * the network are retryable and say so, never "log in again" (docs/spec/decisions.md decision 9); anything
     * else means there is no usable session.
     */
    public FailureCategory category() {
        return switch (kind) {
            case REFRESH_LOCK_TIMEOUT -> FailureCategory.REFRESH_LOCK_TIMEOUT;
            case REFRESH_FAILED -> FailureCategory.RETRYABLE_TRANSPORT;
            case NOT_AUTHENTICATED, REFRESH_TOKEN_EXPIRED, SESSION_INVALID, STORAGE_UNREADABLE ->
                    FailureCategory.UNAUTHENTICATED;
        };
    }

    /** Another process holds the refresh lock: retry in a moment; never a reason to log in again. */
    public boolean isContention() {
        return kind == Kind.REFRESH_LOCK_TIMEOUT;
    }
}
