package dev.speckitty.domain.port;

import dev.speckitty.domain.session.SessionIdentity;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.util.Optional;

/**
 * The durable, encrypted session: the root of trust. Implementations never delete or overwrite a
 * file they cannot read; every failure is a {@link SessionStorageException}.
 */
public interface SessionStore {

    /** The stored session, or empty when there is none. */
    Optional<StoredSession> read();

    /**
     * The stored session if it may have changed since this store last read or wrote it; empty when
     * there is none, or when a cheap check (no lock, no decryption) shows the same file is still
     * there. A store without such a check reads every time. A process waiting for another's refresh
     * polls this to adopt the result the moment it lands.
     */
    Optional<StoredSession> readIfChanged();

    /** Replace the stored session atomically: a crash leaves the old or the new one, never half. */
    void write(StoredSession session);

    /**
     * Replace the stored session only while the stored one still has identity {@code expected}
     * (same session id and refresh token), checked and written under the one lock that serialises
     * writers. False, and nothing written, when it was deleted or replaced meanwhile: a refresh or
     * membership update that finishes after a logout must not bring the session back.
     */
    boolean replaceIf(SessionIdentity expected, StoredSession session);

    /** Remove the session (idempotent); the next login starts from fresh key material. */
    void delete();

    /** Where and how the session is kept, for status and doctor output. */
    StorageDescription describe();

    /**
     * The key-derivation implementation the store uses, for {@code auth doctor} (e.g. OpenSSL's or
     * Bouncy Castle's scrypt). May load a native library; derives nothing.
     */
    String keyDerivation();

    /** Backend label and location; the backend is always the encrypted file. */
    record StorageDescription(String backend, String location) {}
}
