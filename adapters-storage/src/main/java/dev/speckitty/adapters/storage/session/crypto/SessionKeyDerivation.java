package dev.speckitty.adapters.storage.session.crypto;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * scrypt(N=2^14, r=8, p=1, dkLen=32): the reference CLI's key derivation, byte for byte, through
 * OpenSSL where it is available, else Bouncy Castle ({@link PreferredScrypt}).
 */
public final class SessionKeyDerivation {

    public static final int SALT_LENGTH = 16;

    private final byte[] passphrase;
    private final Scrypt scrypt;
    private EarlyKey early; // guarded by this

    public SessionKeyDerivation(byte[] passphrase) {
        this(passphrase, new PreferredScrypt());
    }

    public SessionKeyDerivation(byte[] passphrase, Scrypt scrypt) {
        this.passphrase = passphrase.clone();
        this.scrypt = scrypt;
    }

    /**
     * Starts deriving the key for the salt now in {@code saltFile} on a thread of its own, after
     * {@code first} has run ({@link EarlyKey}); {@link #derive} hands it over for exactly that salt.
     */
    public synchronized void startEarly(Path saltFile, Runnable first) {
        if (early == null) {
            early = EarlyKey.start(saltFile, first, this::deriveNow);
        }
    }

    /** The key for {@code salt}: the one {@link #startEarly} derived for exactly this salt, else scrypt now. */
    public SessionKey derive(byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
        return earlyKey(salt).orElseGet(() -> deriveNow(salt));
    }

    /**
     * Destroys a key {@link #startEarly} derived that no {@link #derive} took (the command did not
     * decrypt the session, or the salt changed meanwhile); true when there was one, so the work
     * counters can still count that derivation.
     */
    public synchronized boolean discardUnusedEarlyKey() {
        return early != null && early.discard();
    }

    private synchronized Optional<SessionKey> earlyKey(byte[] salt) {
        return early == null ? Optional.empty() : early.take(salt);
    }

    private SessionKey deriveNow(byte[] salt) {
        return new SessionKey(scrypt.derive(passphrase, salt, ScryptParameters.SESSION_KEY));
    }

    /** The scrypt implementation in use (loads OpenSSL if no key was derived yet). */
    public String implementation() {
        return scrypt.implementation();
    }

    /** A derived AES-256 key; {@code toString()} does not show it. */
    public static final class SessionKey {
        private final byte[] bytes;

        SessionKey(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        /** Overwrites the key material once it is no longer needed. */
        public void destroy() {
            Arrays.fill(bytes, (byte) 0);
        }

        @Override
        public String toString() {
            return "SessionKey[redacted]";
        }
    }
}
