package dev.speckitty.adapters.storage.session;

import static dev.speckitty.adapters.storage.support.TestSessions.PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.speckitty.adapters.storage.session.codec.SessionEnvelope;
import dev.speckitty.adapters.storage.session.crypto.SessionCipher;
import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation;
import dev.speckitty.adapters.storage.support.FileState;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a session file can be unreadable: each has its own problem and message, the message
 * names paths and modes only, and the read leaves every file exactly as it was.
 */
class SessionReadFailuresTest {

    private static final List<String> MESSAGES = new ArrayList<>();

    @TempDir
    Path authDir;

    private Path session;
    private Path salt;
    private EncryptedFileSessionStore store;

    @BeforeEach
    void writeAGoodSession() {
        store = EncryptedFileSessionStore.withPassphrase(authDir, PASSPHRASE);
        store.write(TestSessions.sample("fail"));
        session = authDir.resolve("session.json");
        salt = authDir.resolve("session.salt");
    }

    @AfterEach
    void noMessageEverShowsATokenOrContent() {
        assertThat(MESSAGES).allSatisfy(message -> assertThat(message)
                .doesNotContain(TestSessions.ACCESS_SENTINEL)
                .doesNotContain(TestSessions.REFRESH_SENTINEL)
                .doesNotContain("SECRET_CONTENT"));
    }

    @Test
    void tamperedCiphertextByte() throws Exception {
        String text = Files.readString(session);
        int at = text.indexOf("\"ciphertext\":\"") + 20;
        char flipped = text.charAt(at) == '0' ? '1' : '0';
        Files.writeString(session, text.substring(0, at) + flipped + text.substring(at + 1));

        SessionStorageException failure = readFailsUnchanged(Problem.DECRYPTION_FAILED);
        assertThat(failure.getMessage())
                .contains(session.toString())
                .contains("tampered")
                .contains("another machine or user")
                .contains("spec-kitty auth login --force");
    }

    @Test
    void wrongSalt() throws Exception {
        byte[] other = new byte[16];
        new SecureRandom().nextBytes(other);
        Files.write(salt, other);

        readFailsUnchanged(Problem.DECRYPTION_FAILED);
    }

    @Test
    void wrongLengthSalt() throws Exception {
        Files.write(salt, new byte[15]);

        SessionStorageException failure = readFailsUnchanged(Problem.SALT_WRONG_LENGTH);
        assertThat(failure.getMessage()).startsWith("Salt file " + salt + " has wrong length (15 bytes); expected 16");
    }

    @Test
    void missingSalt() throws Exception {
        Files.delete(salt);

        SessionStorageException failure = readFailsUnchanged(Problem.SALT_MISSING);
        assertThat(failure.getMessage()).isEqualTo("Salt file " + salt
                + " is missing; cannot decrypt the session. Re-run `spec-kitty auth login --force`.");
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] whole = Files.readAllBytes(session);
        Files.write(session, java.util.Arrays.copyOf(whole, whole.length / 2));

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).isEqualTo("Session file " + session
                + " is not valid JSON. Re-run `spec-kitty auth login --force`.");
    }

    @Test
    void emptyFile() throws Exception {
        Files.write(session, new byte[0]);

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).contains(session.toString()).contains("is empty");
    }

    @Test
    void jsonThatIsNotAnObject() throws Exception {
        Files.writeString(session, "[\"SECRET_CONTENT\"]");

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).isEqualTo("Session file " + session
                + " is not a JSON object. Re-run `spec-kitty auth login --force`.");
    }

    @Test
    void invalidJsonQuotingContentIsNotEchoed() throws Exception {
        Files.writeString(session, "{\"version\": 2, \"nonce\": SECRET_CONTENT}");

        readFailsUnchanged(Problem.MALFORMED);
    }

    @Test
    void version1Plaintext() throws Exception {
        Files.writeString(session, "{\"version\": 1, \"access_token\": \"" + TestSessions.ACCESS_SENTINEL
                + "v1\", \"refresh_token\": \"" + TestSessions.REFRESH_SENTINEL + "v1\"}");

        SessionStorageException failure = readFailsUnchanged(Problem.UNSUPPORTED_VERSION);
        assertThat(failure.getMessage())
                .startsWith("Unsupported session file format version 1 in " + session + "; expected 2.")
                .endsWith("v1 plaintext files are rejected; please re-run `spec-kitty auth login --force`.");
    }

    @Test
    void versionAsAStringIsNotEchoed() throws Exception {
        Files.writeString(session, "{\"version\": \"SECRET_CONTENT\"}");

        SessionStorageException failure = readFailsUnchanged(Problem.UNSUPPORTED_VERSION);
        assertThat(failure.getMessage()).contains("(a JSON string)");
    }

    @Test
    void badHexNonce() throws Exception {
        replaceInEnvelope("nonce", "zz" + "0".repeat(22));

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).isEqualTo("Session file " + session
                + " is malformed: key \"nonce\" is not hexadecimal. Re-run `spec-kitty auth login --force`.");
    }

    @Test
    void missingCiphertextKey() throws Exception {
        Files.writeString(session, "{\"version\": 2, \"nonce\": \"" + "0".repeat(24) + "\"}");

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).contains("key \"ciphertext\" is missing");
    }

    @Test
    void wrongNonceLength() throws Exception {
        replaceInEnvelope("nonce", "00".repeat(8));

        SessionStorageException failure = readFailsUnchanged(Problem.MALFORMED);
        assertThat(failure.getMessage()).contains("the nonce is 8 bytes; expected 12");
    }

    @Test
    void decryptedPayloadMissingAField() throws Exception {
        sealPlaintext("{\"access_token\":\"" + TestSessions.ACCESS_SENTINEL + "p\",\"refresh_token\":\""
                + TestSessions.REFRESH_SENTINEL + "p\"}");

        SessionStorageException failure = readFailsUnchanged(Problem.INVALID_PAYLOAD);
        assertThat(failure.getMessage()).isEqualTo("Decrypted session payload in " + session
                + " is not a valid session: field \"user_id\" is missing. Re-run `spec-kitty auth login --force`.");
    }

    @Test
    void decryptedPayloadWithABadTimestampDoesNotEchoIt() throws Exception {
        String good = new String(dev.speckitty.adapters.storage.session.codec.SessionJson.encode(TestSessions.sample("ts")),
                StandardCharsets.UTF_8);
        sealPlaintext(good.replace("\"issued_at\":\"2026-04-09T13:37:00.123456+00:00\"",
                "\"issued_at\":\"" + TestSessions.ACCESS_SENTINEL + "ts\""));

        SessionStorageException failure = readFailsUnchanged(Problem.INVALID_PAYLOAD);
        assertThat(failure.getMessage()).contains("field \"issued_at\" is not an ISO-8601 timestamp");
    }

    @Test
    void decryptedPayloadThatIsNotJson() throws Exception {
        sealPlaintext("SECRET_CONTENT " + TestSessions.ACCESS_SENTINEL);

        SessionStorageException failure = readFailsUnchanged(Problem.INVALID_PAYLOAD);
        assertThat(failure.getMessage()).contains("it is not valid JSON");
    }

    @Test
    void unsafePermissions() throws Exception {
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rw-r--r--"));

        SessionStorageException failure = readFailsUnchanged(Problem.UNSAFE_PERMISSIONS);
        assertThat(failure.getMessage()).isEqualTo("Session file " + session
                + " has unsafe permissions (mode=0644); expected 0600. Fix with: chmod 600 " + session);
    }

    @Test
    void groupOnlyBitIsAlsoUnsafe() throws Exception {
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rw----r--"));

        SessionStorageException failure = readFailsUnchanged(Problem.UNSAFE_PERMISSIONS);
        assertThat(failure.getMessage()).contains("(mode=0604)");
    }

    @Test
    void symlinkInPlaceOfTheFile() throws Exception {
        Path real = authDir.resolve("real-session");
        Files.move(session, real);
        Files.createSymbolicLink(session, real);

        SessionStorageException failure = readFailsUnchanged(Problem.NOT_A_REGULAR_FILE);
        assertThat(failure.getMessage()).contains(session.toString()).contains("a symbolic link");
    }

    @Test
    void directoryInPlaceOfTheFile() throws Exception {
        Files.delete(session);
        Files.createDirectory(session);

        SessionStorageException failure = readFailsUnchanged(Problem.NOT_A_REGULAR_FILE);
        assertThat(failure.getMessage()).contains(session.toString()).contains("a directory");
    }

    @Test
    void directoryInPlaceOfTheFileCannotBeDeletedOrOverwritten() throws Exception {
        Files.delete(session);
        Files.createDirectory(session);
        Files.writeString(session.resolve("keep"), "x");

        SessionStorageException deleteFailure = catchThrowableOfType(SessionStorageException.class, store::delete);
        assertThat(deleteFailure.problem()).isEqualTo(Problem.DELETE_FAILED);
        SessionStorageException writeFailure = catchThrowableOfType(SessionStorageException.class,
                () -> store.write(TestSessions.sample("w")));
        assertThat(writeFailure.problem()).isEqualTo(Problem.WRITE_FAILED);
        assertThat(session.resolve("keep")).exists();
        assertThat(authDir.resolve("session.json.tmp")).doesNotExist();
        MESSAGES.add(deleteFailure.getMessage());
        MESSAGES.add(writeFailure.getMessage());
    }

    /** Reads, expects the problem, and proves that the session and salt files did not change. */
    private SessionStorageException readFailsUnchanged(Problem expected) throws Exception {
        FileState sessionBefore = FileState.of(session);
        FileState saltBefore = FileState.of(salt);
        Thread.sleep(5); // a touched file would get a later mtime

        SessionStorageException failure = catchThrowableOfType(SessionStorageException.class, store::read);

        assertThat(failure).as("read must fail with %s", expected).isNotNull();
        assertThat(failure.problem()).isEqualTo(expected);
        assertThat(FileState.of(session)).isEqualTo(sessionBefore);
        assertThat(FileState.of(salt)).isEqualTo(saltBefore);
        assertThat(failure.getCause()).isNull();
        MESSAGES.add(failure.getMessage());
        return failure;
    }

    private void replaceInEnvelope(String key, String value) throws Exception {
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var envelope = (tools.jackson.databind.node.ObjectNode) mapper.readTree(Files.readString(session));
        envelope.put(key, value);
        Files.writeString(session, mapper.writeValueAsString(envelope));
    }

    /** A well-formed envelope, under the right key, around an arbitrary plaintext. */
    private void sealPlaintext(String plaintext) throws Exception {
        var key = new SessionKeyDerivation(PASSPHRASE).derive(Files.readAllBytes(salt));
        var sealed = new SessionCipher(SecureRandom::new).encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8));
        Files.write(session, SessionEnvelope.encode(sealed));
    }
}
