package dev.speckitty.adapters.storage.session.crypto;

/**
 * The inputs of scrypt besides passphrase and salt (RFC 7914): cost N (a power of two above 1),
 * block size r, parallelism p and the key length in bytes.
 */
public record ScryptParameters(long cost, int blockSize, int parallelism, int keyLength) {

    /** The reference CLI's session key: N=2^14, r=8, p=1, 32 bytes (AES-256). */
    public static final ScryptParameters SESSION_KEY = new ScryptParameters(1 << 14, 8, 1, 32);

    public ScryptParameters {
        if (cost < 2 || Long.bitCount(cost) != 1 || blockSize < 1 || parallelism < 1 || keyLength < 1) {
            throw new IllegalArgumentException("scrypt needs N a power of two above 1 and r, p, key length >= 1");
        }
    }

    /** Bytes of working memory scrypt needs: 128 r (N + p) plus a little, what OpenSSL checks against maxmem. */
    long workingMemoryBytes() {
        return 128L * blockSize * (cost + parallelism + 2);
    }
}
