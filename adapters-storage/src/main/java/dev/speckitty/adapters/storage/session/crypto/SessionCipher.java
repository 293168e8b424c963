package dev.speckitty.adapters.storage.session.crypto;

import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation.SessionKey;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a fresh 12-byte nonce per write, no AAD, 128-bit tag appended. */
public final class SessionCipher {

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Supplier<SecureRandom> random;

    /** @param random the nonces' source, asked for on the first encryption only */
    public SessionCipher(Supplier<SecureRandom> random) {
        this.random = random;
    }

    public Sealed encrypt(SessionKey key, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.get().nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", unavailable);
        }
    }

    /** @throws AEADBadTagException when the key, nonce or ciphertext does not match (tampering, other machine) */
    public byte[] decrypt(SessionKey key, byte[] nonce, byte[] ciphertextWithTag) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            return cipher.doFinal(ciphertextWithTag);
        } catch (AEADBadTagException tagMismatch) {
            throw tagMismatch;
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", unavailable);
        }
    }

    /**
     * Loads AES-GCM (the JDK's security providers, the cipher's classes) ahead of need, e.g. on a
     * thread beside start-up: set up for decryption under a throwaway all-zero key, never used.
     */
    static void loadAhead() {
        try {
            Cipher.getInstance(TRANSFORMATION).init(Cipher.DECRYPT_MODE, new SecretKeySpec(new byte[32], "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, new byte[NONCE_LENGTH]));
        } catch (GeneralSecurityException unavailable) {
            // the real decryption reports it
        }
    }

    /** Nonce and ciphertext-with-tag of one encryption. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {}
}
