package dev.speckitty.adapters.storage.session.crypto;

import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation.SessionKey;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The key for the current salt, derived once per store (one store per process): scrypt costs
 * ~0.6 s of CPU under the launcher's client-VM flags, and a refresh reads and writes the session
 * inside the machine-wide refresh lock, so deriving it again there stretched the lock under load
 * (64 processes on 2 cores held it past the 60 s stale age, and another process took it over).
 * A new salt (rotated by a delete) derives a new key and destroys the old one.
 */
public final class DerivedKeyCache {

    private byte[] salt;
    private SessionKey key;

    /** The key for {@code saltBytes}, from {@code derive} only when the salt differs from the last one. */
    public synchronized SessionKey forSalt(byte[] saltBytes, Supplier<SessionKey> derive) {
        if (key == null || !Arrays.equals(salt, saltBytes)) {
            forget();
            key = derive.get();
            salt = saltBytes.clone();
        }
        return key;
    }

    /** Destroys the cached key (the salt was deleted). */
    public synchronized void forget() {
        if (key != null) {
            key.destroy();
        }
        key = null;
        salt = null;
    }
}
