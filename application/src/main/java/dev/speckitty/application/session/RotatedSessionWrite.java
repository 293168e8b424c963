package dev.speckitty.application.session;

import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.time.Duration;
import java.util.Optional;

/**
 * Saves a session the server has just rotated. The server already spent the stored refresh token,
 * so a failed write cannot be undone by keeping the old file: the write is retried briefly (a
 * moment of a full disk or a busy file), and if it still fails the stored session, now unusable,
 * is removed (removing frees space, it needs none) and the error says what happened: the session
 * can no longer be renewed, log in again. The next command then says "not authenticated" instead
 * of meeting {@code invalid_grant} on a spent token and calling it expired.
 */
final class RotatedSessionWrite {

    static final int ATTEMPTS = 3;
    static final Duration PAUSE = Duration.ofMillis(150);

    private RotatedSessionWrite() {}

    /**
     * Writes {@code rotated} over {@code spent} if the stored session is still {@code spent} (false
     * when a logout or a new login replaced it meanwhile); throws {@link SessionStorageException}
     * (WRITE_FAILED) when it cannot write.
     */
    static boolean persist(SessionStore store, StoredSession spent, StoredSession rotated) {
        SessionStorageException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return store.replaceIf(spent.identity(), rotated);
            } catch (SessionStorageException failed) {
                if (failed.problem() != SessionStorageException.Problem.WRITE_FAILED) {
                    throw failed; // not a failed write (e.g. the salt was tampered with): retrying cannot help
                }
                last = failed;
            }
            if (attempt < ATTEMPTS && !pause()) {
                break;
            }
        }
        if (onDisk(store).filter(stored -> stored.refreshToken().equals(rotated.refreshToken())).isPresent()) {
            return true; // the file was replaced and only a later step (directory sync) failed: the rotation is saved
        }
        boolean removed = removeIfStillSpent(store, spent);
        throw new SessionStorageException(SessionStorageException.Problem.WRITE_FAILED,
                "The server renewed this session, which spent its previous refresh token, but the renewed session"
                        + " could not be saved (" + ATTEMPTS + " attempts): " + last.getMessage()
                        + (removed ? " The stored session could no longer be renewed and was removed."
                                : " The stored session can no longer be renewed.")
                        + " Free some disk space or fix the file, then run `spec-kitty auth login` to log in again.");
    }

    private static boolean removeIfStillSpent(SessionStore store, StoredSession spent) {
        try {
            Optional<StoredSession> current = store.read();
            if (current.isPresent() && current.get().refreshToken().equals(spent.refreshToken())) {
                store.delete();
                return true;
            }
        } catch (SessionStorageException unreadableOrUndeletable) {
            // the write failure above is the news; this clean-up is best effort
        }
        return false;
    }

    private static Optional<StoredSession> onDisk(SessionStore store) {
        try {
            return store.read();
        } catch (SessionStorageException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(PAUSE);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
