package dev.speckitty.domain.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The token-free handoff that lets short-lived processes answer presence-only questions ("is
 * there a session?") without decrypting the durable file. It never holds a token, email or team.
 * The session store publishes it after each durable write and read, and removes it on delete.
 */
public interface SessionHotPath {

    /** A fresh summary that still matches the durable file right now; empty on any miss. */
    Optional<Summary> loadFresh();

    record Summary(Instant generatedAt, Instant refreshTokenExpiresAt) {
        public boolean refreshTokenExpired(Instant now) {
            return refreshTokenExpiresAt != null && !refreshTokenExpiresAt.isAfter(now);
        }
    }
}
