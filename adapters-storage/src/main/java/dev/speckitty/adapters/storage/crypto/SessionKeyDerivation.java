package dev.speckitty.adapters.storage.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.generators.SCrypt;

/** scrypt(N=2^14, r=8, p=1, dkLen=32): the reference CLI's key derivation, byte for byte. */
public final class SessionKeyDerivation {

    public static final int SALT_LENGTH = 16;
    private static final int COST = 1 << 14;
    private static final int BLOCK_SIZE = 8;
    private static final int PARALLELISM = 1;
    private static final int KEY_LENGTH = 32;

    private final byte[] passphrase;

    public SessionKeyDerivation(byte[] passphrase) {
        this.passphrase = passphrase.clone();
    }

    public SessionKey derive(byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
        return new SessionKey(SCrypt.generate(passphrase, salt, COST, BLOCK_SIZE, PARALLELISM, KEY_LENGTH));
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
