package dev.speckitty.domain.port;

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

    /** Replace the stored session atomically: a crash leaves the old or the new one, never half. */
    void write(StoredSession session);

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
