import dev.speckitty.adapters.storage.session.crypto.BouncyCastleScrypt;
import dev.speckitty.adapters.storage.session.crypto.OpenSslScrypt;
import dev.speckitty.adapters.storage.session.crypto.Scrypt;
import dev.speckitty.adapters.storage.session.crypto.ScryptParameters;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The kdf section of bench/run.sh: one session-key derivation (scrypt N=2^14, r=8, p=1) in a fresh
 * JVM, as a one-shot pays for it, with the implementation named by the argument ("openssl": load
 * libcrypto.so.3 and call EVP_PBE_scrypt through FFM; "bouncycastle"; "none": the JVM alone).
 * Prints "<milliseconds for loading and deriving> <first 4 key bytes in hex>" on stdout, so that the
 * run also shows both give the same key.
 */
public final class KdfBench {
    public static void main(String[] args) {
        byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        byte[] passphrase = "bench-host:1000".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Scrypt scrypt = switch (args[0]) {
            case "openssl" -> OpenSslScrypt.load();
            case "bouncycastle" -> new BouncyCastleScrypt();
            case "none" -> null;
            default -> throw new IllegalArgumentException("openssl, bouncycastle or none");
        };
        byte[] key = scrypt == null ? new byte[4] : scrypt.derive(passphrase, salt, ScryptParameters.SESSION_KEY);
        long elapsed = System.nanoTime() - start;
        System.out.printf("%.1f %s%n", elapsed / 1e6, HexFormat.of().formatHex(Arrays.copyOf(key, 4)));
    }
}
