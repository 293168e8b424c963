package dev.speckitty.application.login;

import dev.speckitty.domain.auth.RevokeOutcome;

/**
 * How a logout went. {@code revoke} is null when no revocation was attempted (not logged in,
 * {@code --force}, no server configured); {@code deletionFailure} is set only when the local
 * session could not be removed; {@code lockNote} says why the logout went ahead without the refresh
 * lock (null when it held it); {@code skipped} says why no revocation was asked for (null when one was).
 */
public record LogoutResult(boolean wasLoggedIn, RevokeOutcome revoke, String deletionFailure, String lockNote,
        RevocationSkipped skipped) {

    /** Why the server was not asked to revoke. */
    public enum RevocationSkipped { FORCED, NO_SERVER }

    LogoutResult skipped(RevocationSkipped reason) {
        return new LogoutResult(wasLoggedIn, revoke, deletionFailure, lockNote, reason);
    }

    public boolean loggedOut() {
        return deletionFailure == null;
    }
}
