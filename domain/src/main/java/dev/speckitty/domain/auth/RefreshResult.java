package dev.speckitty.domain.auth;

/** What the token endpoint said to a refresh-token grant (docs/spec/hosted-contract.md §2.5). */
public sealed interface RefreshResult {

    record Refreshed(TokenGrant grant) implements RefreshResult {}

    /** 400/401 {@code invalid_grant} or {@code session_invalid}: the token sent was rejected. */
    record Rejected(RejectionCause cause) implements RefreshResult {}

    /** 409 {@code refresh_replay_benign_retry}: another process just rotated this token. */
    record Replay(int retryAfterSeconds) implements RefreshResult {}

    /** Any other answer; the message is sanitized (status and OAuth error code, never the body). */
    record Failed(String message, Integer httpStatus) implements RefreshResult {}

    /** Timeout, refused connection, DNS: the request may or may not have reached the server. */
    record TransportFailed(String message, boolean timedOut) implements RefreshResult {
        public TransportFailed(String message) {
            this(message, false);
        }
    }

    enum RejectionCause {
        REFRESH_TOKEN_EXPIRED("refresh_token_expired"),
        SESSION_INVALID("session_invalid");

        private final String machineName;

        RejectionCause(String machineName) {
            this.machineName = machineName;
        }

        public String machineName() {
            return machineName;
        }
    }
}
