package dev.speckitty.adapters.storage.session.crypto;

import java.util.function.Supplier;

/**
 * OpenSSL's scrypt where libcrypto loads and accepts the call, else Bouncy Castle: the same key
 * either way (both are RFC 7914), so the choice only changes the cost. The library is loaded on
 * the first derivation, never at start-up, so commands that derive no key do not pay for it. A
 * refusal (library missing, native access denied, a non-1 return) switches to Bouncy Castle for
 * the rest of the process and is named by {@link #implementation()}.
 */
final class PreferredScrypt implements Scrypt {

    private final Supplier<Scrypt> nativeScrypt;
    private final Scrypt fallback;
    private Scrypt current;
    private String fallbackReason;

    public PreferredScrypt() {
        this(OpenSslScrypt::load, new BouncyCastleScrypt());
    }

    /** @param nativeScrypt loads the preferred implementation, or throws {@link ScryptRefusedException} */
    public PreferredScrypt(Supplier<Scrypt> nativeScrypt, Scrypt fallback) {
        this.nativeScrypt = nativeScrypt;
        this.fallback = fallback;
    }

    @Override
    public byte[] derive(byte[] passphrase, byte[] salt, ScryptParameters parameters) {
        Scrypt scrypt = current();
        if (scrypt == fallback) {
            return fallback.derive(passphrase, salt, parameters);
        }
        try {
            return scrypt.derive(passphrase, salt, parameters);
        } catch (ScryptRefusedException refused) {
            fallBack(refused);
            return fallback.derive(passphrase, salt, parameters);
        }
    }

    /** The implementation in use, loading the preferred one if nothing was derived yet. */
    @Override
    public synchronized String implementation() {
        Scrypt scrypt = current();
        return scrypt == fallback && fallbackReason != null
                ? fallback.implementation() + "; OpenSSL not used: " + fallbackReason
                : scrypt.implementation();
    }

    private synchronized Scrypt current() {
        if (current == null) {
            try {
                current = nativeScrypt.get();
            } catch (ScryptRefusedException unavailable) {
                fallBack(unavailable);
            }
        }
        return current;
    }

    private synchronized void fallBack(ScryptRefusedException reason) {
        current = fallback;
        fallbackReason = reason.getMessage();
    }
}
