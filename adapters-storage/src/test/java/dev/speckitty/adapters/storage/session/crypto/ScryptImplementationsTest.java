package dev.speckitty.adapters.storage.session.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.StorageActivity;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.adapters.storage.support.Generate;
import dev.speckitty.adapters.storage.support.Python;
import dev.speckitty.domain.session.StoredSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenSSL's scrypt (through FFM) and Bouncy Castle's give the same keys: the RFC 7914 vectors, the
 * reference format's sessions (python3 with {@code cryptography}), and random inputs compared with
 * each other. libcrypto.so.3 is present on every Linux this CLI targets: its absence fails here.
 */
class ScryptImplementationsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String COMPAT_PASSPHRASE = "compat-host:1000";

    @TempDir
    Path authDir;

    static Stream<Scrypt> implementations() {
        return Stream.of(OpenSslScrypt.load(), new BouncyCastleScrypt());
    }

    /** RFC 7914 §12, all but the 1 GiB fourth vector. */
    static Stream<Arguments> rfc7914Vectors() {
        return implementations().flatMap(scrypt -> Stream.of(
                Arguments.of(scrypt, "", "", new ScryptParameters(16, 1, 1, 64),
                        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
                Arguments.of(scrypt, "password", "NaCl", new ScryptParameters(1024, 8, 16, 64),
                        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
                Arguments.of(scrypt, "pleaseletmein", "SodiumChloride", new ScryptParameters(16384, 8, 1, 64),
                        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887")));
    }

    @ParameterizedTest(name = "{0}: \"{1}\", \"{2}\", {3}")
    @MethodSource("rfc7914Vectors")
    void derivesTheRfc7914Vectors(Scrypt scrypt, String passphrase, String salt, ScryptParameters parameters,
            String expectedHex) {
        byte[] key = scrypt.derive(utf8(passphrase), utf8(salt), parameters);

        assertThat(HEX.formatHex(key)).isEqualTo(expectedHex);
    }

    @Test
    void bothAgreeOnRandomPassphrasesSaltsAndParameters() {
        Random random = Generate.random("scrypt-openssl-equals-bouncy-castle");
        Scrypt openSsl = OpenSslScrypt.load();
        Scrypt bouncyCastle = new BouncyCastleScrypt();
        for (int i = 0; i < 40; i++) {
            byte[] passphrase = utf8(Generate.text(random, 40));
            byte[] salt = new byte[random.nextInt(65)];
            random.nextBytes(salt);
            // the session's own parameters now and then; small ones keep the other cases cheap
            ScryptParameters parameters = i % 20 == 0 ? ScryptParameters.SESSION_KEY
                    : new ScryptParameters(1L << (1 + random.nextInt(11)), 1 + random.nextInt(8),
                            1 + random.nextInt(3), 1 + random.nextInt(80));

            assertThat(openSsl.derive(passphrase, salt, parameters))
                    .as("case %d: %s, %d-byte passphrase, %d-byte salt", i, parameters, passphrase.length, salt.length)
                    .isEqualTo(bouncyCastle.derive(passphrase, salt, parameters));
        }
    }

    @Test
    void bothDeriveTheSessionKeysOfTheReferenceImplementation() {
        Python.requireCryptography();
        Random random = Generate.random("scrypt-session-keys-match-python");
        StringBuilder inputs = new StringBuilder();
        List<byte[][]> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] passphrase = utf8(Generate.word(random) + "-host-" + random.nextInt(1000) + ":" + random.nextInt(70000));
            byte[] salt = new byte[SessionKeyDerivation.SALT_LENGTH];
            random.nextBytes(salt);
            cases.add(new byte[][] {passphrase, salt});
            inputs.append(HEX.formatHex(passphrase)).append(':').append(HEX.formatHex(salt)).append(',');
        }
        Python.Result python = Python.run("-c", """
                import sys
                from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
                for item in sys.argv[1].strip(",").split(","):
                    passphrase, salt = (bytes.fromhex(part) for part in item.split(":"))
                    print(Scrypt(salt=salt, length=32, n=2**14, r=8, p=1).derive(passphrase).hex())
                """, inputs.toString());
        assertThat(python.exitCode()).as(python.stderr()).isZero();
        List<String> expected = python.stdout().lines().toList();

        implementations().forEach(scrypt -> {
            for (int i = 0; i < cases.size(); i++) {
                byte[] key = scrypt.derive(cases.get(i)[0], cases.get(i)[1], ScryptParameters.SESSION_KEY);
                assertThat(HEX.formatHex(key)).as(scrypt.implementation() + ", case " + i).isEqualTo(expected.get(i));
            }
        });
    }

    @Test
    void eachReadsTheCommittedReferenceSessionAndOneThatPythonWritesNow() throws Exception {
        Python.requireCryptography();
        implementations().forEach(scrypt -> {
            try {
                Path fixtureDir = Files.createDirectories(authDir.resolve("fixture-" + scrypt.getClass().getSimpleName()));
                copyFixture("python-v2.envelope.json", fixtureDir.resolve("session.json"));
                copyFixture("python-v2.salt", fixtureDir.resolve("session.salt"));
                assertThat(store(fixtureDir, scrypt).read()).map(StoredSession::sessionId).contains("sess-compat-7");

                Path written = authDir.resolve("now-" + scrypt.getClass().getSimpleName());
                Python.Result result = Python.run(Python.compatScript().toString(), "write", written.toString(),
                        COMPAT_PASSPHRASE);
                assertThat(result.exitCode()).as(result.stderr()).isZero();
                assertThat(store(written, scrypt).read()).map(s -> s.accessToken().reveal())
                        .contains("at_SENTINEL_compat");
            } catch (java.io.IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
        });
    }

    @Test
    void preferredIsOpenSslHere() {
        PreferredScrypt preferred = new PreferredScrypt();

        assertThat(preferred.implementation()).isEqualTo("OpenSSL libcrypto.so.3 (EVP_PBE_scrypt)");
    }

    @Test
    void withoutTheLibraryBouncyCastleDerivesTheSameKeyAndTheReasonIsNamed() {
        PreferredScrypt preferred = new PreferredScrypt(
                () -> OpenSslScrypt.load("libcrypto-not-installed.so.99", 0), new BouncyCastleScrypt());
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c0d0e0f");

        byte[] key = preferred.derive(utf8("host:1"), salt, ScryptParameters.SESSION_KEY);

        assertThat(key).isEqualTo(OpenSslScrypt.load().derive(utf8("host:1"), salt, ScryptParameters.SESSION_KEY));
        assertThat(preferred.implementation()).startsWith("Bouncy Castle (Java); OpenSSL not used: ")
                .contains("libcrypto-not-installed.so.99");
    }

    @Test
    void whenOpenSslRefusesTheCallBouncyCastleDerivesTheKey() {
        // maxmem of 1 KiB: EVP_PBE_scrypt returns 0 for a derivation needing 16 MiB
        OpenSslScrypt stingy = OpenSslScrypt.load(OpenSslScrypt.LIBRARY, 1024);
        byte[] salt = new byte[16];
        assertThatThrownBy(() -> stingy.derive(utf8("host:1"), salt, ScryptParameters.SESSION_KEY))
                .isInstanceOf(ScryptRefusedException.class).hasMessageContaining("returned 0");
        PreferredScrypt preferred = new PreferredScrypt(() -> stingy, new BouncyCastleScrypt());

        byte[] key = preferred.derive(utf8("host:1"), salt, ScryptParameters.SESSION_KEY);

        assertThat(key).isEqualTo(new BouncyCastleScrypt().derive(utf8("host:1"), salt, ScryptParameters.SESSION_KEY));
        assertThat(preferred.implementation()).contains("Bouncy Castle").contains("EVP_PBE_scrypt returned 0");
    }

    private static EncryptedFileSessionStore store(Path directory, Scrypt scrypt) {
        return new EncryptedFileSessionStore(directory,
                new SessionKeyDerivation(utf8(COMPAT_PASSPHRASE), scrypt), SessionFileLock.DEFAULT_TIMEOUT,
                StorageActivity.NONE, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void copyFixture(String name, Path target) throws java.io.IOException {
        try (var in = ScryptImplementationsTest.class.getResourceAsStream("/compat/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }
}
