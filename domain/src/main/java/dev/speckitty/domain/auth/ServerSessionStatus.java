package dev.speckitty.domain.auth;

import java.time.Instant;

/**
 * The hosted session check for {@code auth doctor --server}; error is a short safe text.
 *
 * @param sessionId the server's session id (spec-kitty's session-status endpoint), else null
 * @param expiresAt when the access token expires, as RFC 7662 introspection reports it, else null
 * @param method how the server was asked; null when the check stopped before asking (no token, no URL)
 */
public record ServerSessionStatus(boolean active, String sessionId, String error, Instant expiresAt, Method method) {

    /** How the server was asked. */
    public enum Method {
        /** spec-kitty's {@code GET /api/v1/session-status}. */
        SESSION_STATUS,
        /** RFC 7662 token introspection, advertised in the RFC 8414 metadata. */
        INTROSPECTION,
        /** Not at all: the server offers neither, which is not a failure (decision 16). */
        NONE
    }

    public static ServerSessionStatus active(String sessionId) {
        return new ServerSessionStatus(true, sessionId, null, null, Method.SESSION_STATUS);
    }

    /** Introspection said the token is active, until {@code expiresAt} (null when it did not say). */
    public static ServerSessionStatus activeUntil(Instant expiresAt) {
        return new ServerSessionStatus(true, null, null, expiresAt, Method.INTROSPECTION);
    }

    public static ServerSessionStatus failed(String error) {
        return new ServerSessionStatus(false, null, error, null, null);
    }

    public static ServerSessionStatus notOffered() {
        return new ServerSessionStatus(false, null, null, null, Method.NONE);
    }

    /** This result, recording how the server was asked. */
    public ServerSessionStatus via(Method how) {
        return new ServerSessionStatus(active, sessionId, error, expiresAt, how);
    }

    /** False only when the server offers no session check at all. */
    public boolean checked() {
        return method != Method.NONE;
    }
}
