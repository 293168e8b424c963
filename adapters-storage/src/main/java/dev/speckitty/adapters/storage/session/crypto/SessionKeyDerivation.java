package dev.speckitty.adapters.storage.session.crypto;

import java.util.Arrays;

/**
 * scrypt(N=2^14, r=8, p=1, dkLen=32): the reference CLI's key derivation, byte for byte, through
 * OpenSSL where it is available, else Bouncy Castle ({@link PreferredScrypt}).
 */
public final class SessionKeyDerivation {

    public static final int SALT_LENGTH = 16;

    private final byte[] passphrase;
    private final Scrypt scrypt;

    public SessionKeyDerivation(byte[] passphrase) {
        this(passphrase, new PreferredScrypt());
    }

    public SessionKeyDerivation(byte[] passphrase, Scrypt scrypt) {
        this.passphrase = passphrase.clone();
        this.scrypt = scrypt;
    }

    public SessionKey derive(byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
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
