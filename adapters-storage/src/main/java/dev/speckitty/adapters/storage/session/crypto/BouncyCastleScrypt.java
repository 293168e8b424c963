package dev.speckitty.adapters.storage.session.crypto;

import org.bouncycastle.crypto.generators.SCrypt;

/** scrypt in Java (Bouncy Castle): always available, several times slower than OpenSSL in a cold JVM. */
public final class BouncyCastleScrypt implements Scrypt {

    public static final String NAME = "Bouncy Castle (Java)";

    @Override
    public byte[] derive(byte[] passphrase, byte[] salt, ScryptParameters parameters) {
        return SCrypt.generate(passphrase, salt, Math.toIntExact(parameters.cost()), parameters.blockSize(),
                parameters.parallelism(), parameters.keyLength());
    }

    @Override
    public String toString() {
        return implementation();
    }

    @Override
    public String implementation() {
        return NAME;
    }
}
