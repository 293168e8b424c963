package dev.speckitty.domain.auth;

/** The hosted session-status check for {@code auth doctor --server}; error is a short safe text. */
public record ServerSessionStatus(boolean active, String sessionId, String error) {

    public static ServerSessionStatus active(String sessionId) {
        return new ServerSessionStatus(true, sessionId, null);
    }

    public static ServerSessionStatus failed(String error) {
        return new ServerSessionStatus(false, null, error);
    }
}
