package dev.speckitty.domain.session;

import java.util.Objects;

/**
 * Two sessions are the same iff both the session id and the refresh token are equal. A rotated
 * refresh token therefore makes a different (newer) session.
 */
public record SessionIdentity(String sessionId, Secret refreshToken) {

    // equals and hashCode written out: a record's generated ones are linked on first use by an
    // invokedynamic that spins method-handle classes, ~8 ms of CPU, and the first comparison is made
    // while holding the machine-wide refresh lock (docs/performance.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof SessionIdentity that
                && Objects.equals(sessionId, that.sessionId) && Objects.equals(refreshToken, that.refreshToken);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(sessionId) * 31 + Objects.hashCode(refreshToken);
    }
}
