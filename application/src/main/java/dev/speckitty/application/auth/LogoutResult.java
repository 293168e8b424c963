package dev.speckitty.application.auth;

import dev.speckitty.domain.auth.RevokeOutcome;

/**
 * How a logout went. {@code revoke} is null when no revocation was attempted (not logged in,
 * {@code --force}, no server configured); {@code deletionFailure} is set only when the local
 * session could not be removed; {@code lockNote} says why the logout went ahead without the refresh
 * lock (null when it held it).
 */
public record LogoutResult(boolean wasLoggedIn, RevokeOutcome revoke, String deletionFailure, String lockNote) {

    public boolean loggedOut() {
        return deletionFailure == null;
    }
}
