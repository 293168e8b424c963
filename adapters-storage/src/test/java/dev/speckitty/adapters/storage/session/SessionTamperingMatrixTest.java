package dev.speckitty.adapters.storage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.speckitty.adapters.storage.files.ProcessUser;
import dev.speckitty.adapters.storage.session.health.FileStorageHealth;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.adapters.storage.support.TreeSnapshot;
import dev.speckitty.domain.port.StorageHealth.Check;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.SessionStorageException.Problem;
import dev.speckitty.domain.session.StoredSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corruption and tampering of {@code session.json} and {@code session.salt}, one table row per
 * case: every byte position class of the envelope flipped, truncations, a directory, symlink or
 * FIFO in place of a file, each group/other permission bit, another owner, every salt byte and
 * wrong salt lengths. Each row runs the real store (real files, real scrypt) on a fresh copy of one
 * good auth directory and proves: the typed problem, a message naming the file and the fix and
 * never content, every file under the sandbox unchanged (bytes, mode, owner, mtime, nothing
 * created or deleted, no hot-path handoff published), and what {@code auth doctor}'s key-free
 * storage checks report.
 */
class SessionTamperingMatrixTest {

    private static final String LOGIN = "spec-kitty auth login --force";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    private static final Pattern HEX_RUN = Pattern.compile("[0-9a-fA-F]{16,}");
    private static final StoredSession SESSION = TestSessions.sample("tamper");
    private static final AtomicInteger KEY_DERIVATIONS = new AtomicInteger();
    private static final Map<Problem, AtomicInteger> REFUSED = new EnumMap<>(Problem.class);
    private static final AtomicInteger READ_OK = new AtomicInteger();

    @TempDir
    static Path templateHome;

    private static byte[] envelope;
    private static byte[] salt;

    @TempDir
    Path home;

    @BeforeAll
    static void writeOneGoodSession() throws Exception {
        EncryptedFileSessionStore.withPassphrase(templateHome.resolve("auth"), TestSessions.PASSPHRASE).write(SESSION);
        envelope = Files.readAllBytes(templateHome.resolve("auth/session.json"));
        salt = Files.readAllBytes(templateHome.resolve("auth/session.salt"));
    }

    @AfterAll
    static void printTheFigures() {
        int refused = REFUSED.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("session tampering matrix: " + (refused + READ_OK.get()) + " cases, " + refused
                + " refused " + REFUSED + ", " + READ_OK + " read back intact, " + KEY_DERIVATIONS
                + " scrypt derivations");
    }

    // ------------------------------------------------------------------------------------------ rows

    enum Target { SESSION, SALT, LOCK }

    /** What a row must lead to: the read refused with this problem, or the session read back intact. */
    record Outcome(Problem problem, Target target, String detail, List<String> doctorFindings) {
        static Outcome refused(Problem problem, Target target, String detail, String... doctorFindings) {
            return new Outcome(problem, target, detail, List.of(doctorFindings));
        }

        static Outcome reads(String... doctorFindings) {
            return new Outcome(null, null, null, List.of(doctorFindings));
        }
    }

    @FunctionalInterface
    interface Breakage {
        void apply(Sandbox sandbox) throws Exception;
    }

    record Row(String name, Breakage breakage, Outcome outcome) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A fresh copy of the good auth directory, plus room outside it for link targets. */
    record Sandbox(Path home, AuthFiles files) {
        Path session() {
            return files.session();
        }

        Path salt() {
            return files.salt();
        }

        Path outside(String name) {
            return home.resolve(name);
        }
    }

    private static Row row(String name, Breakage breakage, Outcome outcome) {
        return new Row(name, breakage, outcome);
    }

    private static Outcome malformed(String detail) {
        return Outcome.refused(Problem.MALFORMED, Target.SESSION, detail);
    }

    private static Outcome tagFails() {
        return Outcome.refused(Problem.DECRYPTION_FAILED, Target.SESSION, "authentication tag does not match");
    }

    static Stream<Row> envelopeBytes() {
        String text = new String(envelope, StandardCharsets.US_ASCII);
        int nonce = text.indexOf("\"nonce\":\"") + 9;
        int cipher = text.indexOf("\"ciphertext\":\"") + 14;
        int cipherEnd = text.lastIndexOf('"');
        int tag = cipherEnd - 32;
        int middle = cipher + (tag - cipher) / 2;
        List<Row> rows = new ArrayList<>();
        // JSON structure characters: every one of them, flipped (xor 1) and deleted
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if ("{}:,\"".indexOf(c) >= 0) {
                rows.add(edit("structure '" + c + "' at " + at + " xor 0x01", flip(at, 0x01), malformed("not valid JSON")));
                rows.add(edit("structure '" + c + "' at " + at + " deleted", delete(at, 1), malformed("not valid JSON")));
            }
        }
        // key names: a changed letter is still JSON, but the key is gone
        keyLetters(rows, text, "version", Outcome.refused(Problem.UNSUPPORTED_VERSION, Target.SESSION,
                "version None (no \"version\" key)"));
        keyLetters(rows, text, "nonce", malformed("key \"nonce\" is missing"));
        keyLetters(rows, text, "ciphertext", malformed("key \"ciphertext\" is missing"));
        // the version value
        int version = text.indexOf("\"version\":") + 10;
        rows.add(edit("version 2 -> 3", replace(version, '3'), Outcome.refused(Problem.UNSUPPORTED_VERSION,
                Target.SESSION, "format version 3")));
        rows.add(edit("version 2 -> 1", replace(version, '1'), Outcome.refused(Problem.UNSUPPORTED_VERSION,
                Target.SESSION, "format version 1 in")));
        rows.add(edit("version 2 -> 0", replace(version, '0'), Outcome.refused(Problem.UNSUPPORTED_VERSION,
                Target.SESSION, "format version 0")));
        rows.add(edit("version 2 -> x", replace(version, 'x'), malformed("not valid JSON")));
        rows.add(edit("version 2 -> \"2\"", splice(version, 1, "\"2\""), Outcome.refused(Problem.UNSUPPORTED_VERSION,
                Target.SESSION, "(a JSON string)")));
        rows.add(edit("version 2 -> 2.0", splice(version, 1, "2.0"), Outcome.refused(Problem.UNSUPPORTED_VERSION,
                Target.SESSION, "(a non-integer number)")));
        rows.add(edit("version 2 -> 2^70", splice(version, 1, "1180591620717411303424"),
                Outcome.refused(Problem.UNSUPPORTED_VERSION, Target.SESSION, "(a large integer)")));
        // the nonce and the ciphertext (start, middle, and the last 32 hex digits = the GCM tag):
        // another hex digit still parses and must fail the tag; a non-hex one is a malformed file
        int[] hexPositions = {nonce, nonce + 11, nonce + 23, cipher, cipher + 1, cipher + 2, middle, middle + 1,
            tag, tag + 1, tag + 15, tag + 16, tag + 30, tag + 31};
        for (int at : hexPositions) {
            String where = at < cipher ? "nonce hex " + (at - nonce) : at < tag ? "ciphertext hex " + (at - cipher)
                    : "tag hex " + (at - tag);
            rows.add(edit(where + " -> other hex digit", replace(at, text.charAt(at) == '0' ? '1' : '0'), tagFails()));
            rows.add(edit(where + " -> 'g'", replace(at, 'g'),
                    malformed("key \"" + (at < cipher ? "nonce" : "ciphertext") + "\" is not hexadecimal")));
        }
        rows.add(edit("nonce upper-cased (bytes.fromhex accepts it)", upperCase(nonce, nonce + 24), Outcome.reads()));
        rows.add(edit("ciphertext upper-cased", upperCase(cipher, cipherEnd), Outcome.reads()));
        rows.add(edit("nonce one digit short", delete(nonce + 5, 1), malformed("key \"nonce\" is not hexadecimal")));
        rows.add(edit("nonce one byte short", delete(nonce + 4, 2), malformed("the nonce is 11 bytes; expected 12")));
        rows.add(edit("nonce one byte long", splice(nonce, 0, "00"), malformed("the nonce is 13 bytes; expected 12")));
        rows.add(edit("ciphertext one digit short", delete(middle, 1), malformed("key \"ciphertext\" is not hexadecimal")));
        rows.add(edit("ciphertext one byte short (middle)", delete(middle, 2), tagFails()));
        rows.add(edit("ciphertext one byte long (middle)", splice(middle, 0, "00"), tagFails()));
        rows.add(edit("tag's last byte cut", delete(cipherEnd - 2, 2), tagFails()));
        rows.add(edit("ciphertext only the tag", delete(cipher, tag - cipher), tagFails()));
        rows.add(edit("ciphertext shorter than a tag", delete(cipher, tag - cipher + 2),
                malformed("the ciphertext is shorter than its authentication tag")));
        rows.add(edit("ciphertext empty", delete(cipher, cipherEnd - cipher),
                malformed("the ciphertext is shorter than its authentication tag")));
        rows.add(edit("nonce null", splice(nonce - 1, 26, "null"), malformed("key \"nonce\" is missing")));
        rows.add(edit("nonce a number", splice(nonce - 1, 26, "12"), malformed("key \"nonce\" is not a string")));
        rows.add(edit("ciphertext an array", splice(cipher - 1, cipherEnd - cipher + 2, "[]"),
                malformed("key \"ciphertext\" is not a string")));
        rows.add(edit("nonce swapped with the tag's first 24 digits", swapNonce(nonce, tag), tagFails()));
        // whitespace and trailing bytes: layout is not content, anything after the object is
        rows.add(edit("newline appended", append("\n"), Outcome.reads()));
        rows.add(edit("pretty-printed", bytes -> text.replace(",\"", ",\n  \"").replace("\":", "\": ")
                .replace("{", "{\n  ").replace("}", "\n}\n").getBytes(StandardCharsets.US_ASCII), Outcome.reads()));
        rows.add(edit("trailing 'x'", append("x"), malformed("not valid JSON")));
        rows.add(edit("trailing second object", append("{}"), malformed("not valid JSON")));
        rows.add(edit("trailing NUL byte", appendBytes(new byte[] {0}), malformed("not valid JSON")));
        rows.add(edit("leading UTF-8 byte-order mark", prependBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                malformed("not valid JSON")));
        rows.add(edit("'{' with its high bit set (not UTF-8)", flip(0, 0x80), malformed("not valid JSON")));
        rows.add(edit("tag digit with its high bit set (not UTF-8)", flip(tag + 3, 0x80), malformed("not valid JSON")));
        rows.add(edit("whitespace only", bytes -> " \n\t ".getBytes(StandardCharsets.US_ASCII), malformed("is empty")));
        rows.add(edit("a JSON array", bytes -> "[2]".getBytes(StandardCharsets.US_ASCII),
                malformed("is not a JSON object")));
        rows.add(edit("duplicate \"version\":3 after the rest (last wins)", splice(text.length() - 1, 0, ",\"version\":3"),
                Outcome.refused(Problem.UNSUPPORTED_VERSION, Target.SESSION, "format version 3")));
        rows.add(edit("duplicate nonce after the rest (last wins)",
                splice(text.length() - 1, 0, ",\"nonce\":\"" + "0".repeat(24) + "\""), tagFails()));
        return rows.stream();
    }

    static Stream<Row> truncations() {
        List<Row> rows = new ArrayList<>();
        for (int length = 0; length < envelope.length; length++) {
            boolean sampled = length < 48 || length % 37 == 0 || length > envelope.length - 48;
            if (sampled) {
                int keep = length;
                rows.add(edit("truncated to " + length + " of " + envelope.length + " bytes",
                        bytes -> Arrays.copyOf(bytes, keep), malformed(length == 0 ? "is empty" : "not valid JSON")));
            }
        }
        return rows.stream();
    }

    static Stream<Row> sessionFileMetadata() {
        List<Row> rows = new ArrayList<>();
        for (String mode : List.of("rw-r-----", "rw--w----", "rw---x---", "rw----r--", "rw-----w-", "rw------x",
                "rw-r--r--", "rw-rw-rw-", "rwxrwxrwx")) {
            String octal = octal(mode);
            rows.add(row("session.json mode " + octal, s -> Files.setPosixFilePermissions(s.session(),
                    PosixFilePermissions.fromString(mode)), Outcome.refused(Problem.UNSAFE_PERMISSIONS, Target.SESSION,
                    "(mode=" + octal + "); expected 0600", "F-103")));
        }
        for (String mode : List.of("r--------", "rwx------")) {
            rows.add(row("session.json mode " + octal(mode) + " (owner only)", s -> Files.setPosixFilePermissions(
                    s.session(), PosixFilePermissions.fromString(mode)), Outcome.reads()));
        }
        rows.add(row("session.json an empty directory", s -> {
            Files.delete(s.session());
            Files.createDirectory(s.session());
        }, notRegular(Target.SESSION, "a directory", "F-102")));
        rows.add(row("session.json a directory holding a copy", s -> {
            Files.delete(s.session());
            Files.createDirectory(s.session());
            Files.write(s.session().resolve("session.json"), envelope);
        }, notRegular(Target.SESSION, "a directory", "F-102")));
        rows.add(row("session.json a symlink out of the auth directory to a good copy", s -> {
            Path copy = Files.write(s.outside("stolen-session.json"), envelope);
            Files.delete(s.session());
            Files.createSymbolicLink(s.session(), copy);
        }, notRegular(Target.SESSION, "a symbolic link", "F-102")));
        rows.add(row("session.json a relative symlink to a good copy in the auth directory", s -> {
            Files.move(s.session(), s.files().directory().resolve("session.real"));
            Files.createSymbolicLink(s.session(), Path.of("session.real"));
        }, notRegular(Target.SESSION, "a symbolic link", "F-102")));
        rows.add(row("session.json a dangling symlink", s -> {
            Files.delete(s.session());
            Files.createSymbolicLink(s.session(), s.outside("nowhere.json"));
        }, notRegular(Target.SESSION, "a symbolic link", "F-102")));
        rows.add(row("session.json a symlink to a FIFO outside (would block if followed)", s -> {
            Path fifo = mkfifo(s.outside("trap.fifo"));
            Files.delete(s.session());
            Files.createSymbolicLink(s.session(), fifo);
        }, notRegular(Target.SESSION, "a symbolic link", "F-102")));
        rows.add(row("session.json a FIFO", s -> {
            Files.delete(s.session());
            mkfifo(s.session());
        }, notRegular(Target.SESSION, "a special file", "F-102")));
        rows.add(row("session.json owned by another user", s -> chown(s.session()),
                Outcome.refused(Problem.WRONG_OWNER, Target.SESSION, "is owned by uid 54321", "F-108")));
        rows.add(row("session.json owned by another user and mode 0644 (owner is reported first)", s -> {
            chown(s.session());
            Files.setPosixFilePermissions(s.session(), PosixFilePermissions.fromString("rw-r--r--"));
        }, Outcome.refused(Problem.WRONG_OWNER, Target.SESSION, "is owned by uid 54321", "F-108")));
        rows.add(row("session.lock a symlink out of the auth directory", s -> {
            Path victim = Files.writeString(s.outside("victim.txt"), "keep me");
            Files.delete(s.files().sessionLock());
            Files.createSymbolicLink(s.files().sessionLock(), victim);
        }, Outcome.refused(Problem.NOT_A_REGULAR_FILE, Target.LOCK, "symbolic link", "F-109")));
        rows.add(row("session.lock a directory", s -> {
            Files.delete(s.files().sessionLock());
            Files.createDirectory(s.files().sessionLock());
        }, Outcome.refused(Problem.NOT_A_REGULAR_FILE, Target.LOCK, "directory", "F-109")));
        rows.add(row("session.lock writable by others (another user could hold it)", s ->
                Files.setPosixFilePermissions(s.files().sessionLock(), PosixFilePermissions.fromString("rw-rw-rw-")),
                Outcome.refused(Problem.UNSAFE_PERMISSIONS, Target.LOCK, "chmod 600", "F-109")));
        rows.add(row("session.lock owned by another user", s -> chown(s.files().sessionLock()),
                Outcome.refused(Problem.WRONG_OWNER, Target.LOCK, "is owned by uid 54321", "F-109")));
        return rows.stream();
    }

    static Stream<Row> saltFile() {
        List<Row> rows = new ArrayList<>();
        for (int at = 0; at < salt.length; at++) {
            int index = at;
            rows.add(row("salt byte " + at + " xor 0x01 (another key)", s -> {
                byte[] changed = salt.clone();
                changed[index] ^= 0x01;
                Files.write(s.salt(), changed);
            }, tagFails()));
        }
        for (int length : new int[] {0, 1, 15, 17, 32, 4096, 4097}) {
            rows.add(row("salt of " + length + " bytes", s -> Files.write(s.salt(), Arrays.copyOf(salt, length)),
                    Outcome.refused(Problem.SALT_WRONG_LENGTH, Target.SALT, "wrong length (" + length + " bytes)",
                            "F-105")));
        }
        rows.add(row("salt missing", s -> Files.delete(s.salt()),
                Outcome.refused(Problem.SALT_MISSING, Target.SALT, "is missing", "F-104")));
        rows.add(row("salt an empty directory", s -> {
            Files.delete(s.salt());
            Files.createDirectory(s.salt());
        }, notRegular(Target.SALT, "a directory", "F-105")));
        rows.add(row("salt a symlink out of the auth directory to the right salt", s -> {
            Path copy = Files.write(s.outside("stolen.salt"), salt);
            Files.delete(s.salt());
            Files.createSymbolicLink(s.salt(), copy);
        }, notRegular(Target.SALT, "a symbolic link", "F-105")));
        rows.add(row("salt a FIFO", s -> {
            Files.delete(s.salt());
            mkfifo(s.salt());
        }, notRegular(Target.SALT, "a special file", "F-105")));
        rows.add(row("salt owned by another user", s -> chown(s.salt()),
                Outcome.refused(Problem.WRONG_OWNER, Target.SALT, "is owned by uid 54321", "F-108")));
        // The salt is not secret (the session's confidentiality rests on session.json being 0600), so a
        // loose salt mode is a doctor warning, not a refusal; the read must not chmod it behind the user's back.
        for (String mode : List.of("rw-r-----", "rw----r--", "rw-rw-rw-")) {
            rows.add(row("salt mode " + octal(mode) + " (read; doctor warns)", s -> Files.setPosixFilePermissions(
                    s.salt(), PosixFilePermissions.fromString(mode)), Outcome.reads("F-106")));
        }
        return rows.stream();
    }

    private static Outcome notRegular(Target target, String kind, String doctorFinding) {
        return Outcome.refused(Problem.NOT_A_REGULAR_FILE, target, "is " + kind + ", not a regular file; refusing"
                + " to follow or read it", doctorFinding);
    }

    private static void keyLetters(List<Row> rows, String text, String key, Outcome outcome) {
        int start = text.indexOf("\"" + key + "\"") + 1;
        for (int at = start; at < start + key.length(); at++) {
            rows.add(edit("key \"" + key + "\" letter " + (at - start) + " xor 0x01", flip(at, 0x01), outcome));
        }
    }

    // ----------------------------------------------------------------------------------- the checks

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopeBytes")
    void aChangedEnvelopeByte(Row row) throws Exception {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncations")
    void aTruncatedEnvelope(Row row) throws Exception {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionFileMetadata")
    void theSessionFileReplacedOrExposed(Row row) throws Exception {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saltFile")
    void theSaltChanged(Row row) throws Exception {
        check(row);
    }

    /** A symlinked auth directory is followed (a dotfiles setup); the files in it are still checked. */
    @Test
    void aSymlinkedAuthDirectoryIsFollowedAndItsFilesStillChecked() throws Exception {
        Path real = home.resolve("elsewhere/auth");
        Files.createDirectories(real.getParent());
        copyTemplate(real);
        Path link = Files.createSymbolicLink(home.resolve("auth"), real);

        assertThat(store(link).read()).contains(SESSION);
        assertThat(new FileStorageHealth(link).inspect()).isEmpty(); // judged by the target's 0700, not the link's 0777

        Files.setPosixFilePermissions(real.resolve("session.json"), PosixFilePermissions.fromString("rw-r--r--"));
        Throwable refused = catchThrowable(() -> store(link).read());
        assertThat(refused).isInstanceOf(SessionStorageException.class);
        assertThat(((SessionStorageException) refused).problem()).isEqualTo(Problem.UNSAFE_PERMISSIONS);
    }

    private void check(Row row) throws Exception {
        Sandbox sandbox = new Sandbox(home, new AuthFiles(home.resolve("auth")));
        copyTemplate(sandbox.files().directory());
        row.breakage().apply(sandbox);
        ageEverything(home);
        TreeSnapshot before = TreeSnapshot.of(home);

        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowable(() -> store(sandbox.files().directory()).read()));
        List<Check> doctor = new FileStorageHealth(sandbox.files().directory()).inspect();

        assertThat(doctor).extracting(Check::id).as("doctor's storage findings").containsExactlyElementsOf(
                row.outcome().doctorFindings());
        Outcome outcome = row.outcome();
        if (outcome.problem() == null) {
            assertThat(failure).as("the read must succeed").isNull();
            assertThat(store(sandbox.files().directory()).read()).contains(SESSION);
            assertThat(sandbox.files().hotPath()).as("a good read publishes the handoff").exists();
            assertThat(TreeSnapshot.of(home).without("auth", "auth/session.hot-path.json"))
                    .isEqualTo(before.without("auth"));
            READ_OK.incrementAndGet();
            return;
        }
        assertThat(failure).as("a typed storage failure").isInstanceOf(SessionStorageException.class);
        SessionStorageException refused = (SessionStorageException) failure;
        assertThat(refused.problem()).isEqualTo(outcome.problem());
        assertThat(refused.getCause()).isNull();
        Path named = switch (outcome.target()) {
            case SESSION -> sandbox.session();
            case SALT -> sandbox.salt();
            case LOCK -> sandbox.files().sessionLock();
        };
        String message = refused.getMessage();
        assertThat(message).contains(named.toString()).contains(outcome.detail()).contains(outcome.target() == Target.LOCK
                ? lockFixFor(outcome.problem(), named) : fixFor(outcome.problem(), named));
        assertNothingSecretIn(message);
        assertThat(TreeSnapshot.of(home)).as("nothing under the sandbox changed, nothing created or deleted")
                .isEqualTo(before);
        for (Check finding : doctor) {
            assertThat(finding.fix()).as("doctor names the fix").isNotBlank();
            assertThat(finding.summary()).contains(named.toString());
        }
        synchronized (REFUSED) {
            REFUSED.computeIfAbsent(outcome.problem(), any -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A lock file is ours to fix or remove (spec-kitty creates it again); no login is needed. */
    private static String lockFixFor(Problem problem, Path file) {
        return switch (problem) {
            case UNSAFE_PERMISSIONS -> "Fix with: chmod 600 " + file;
            case WRONG_OWNER -> "Fix with: chown " + ProcessUser.uid() + " " + file + " if it is yours; otherwise remove it.";
            default -> "Remove it; spec-kitty creates it again.";
        };
    }

    private static String fixFor(Problem problem, Path file) {
        return switch (problem) {
            case UNSAFE_PERMISSIONS -> "Fix with: chmod 600 " + file;
            case WRONG_OWNER -> "fix with: chown " + ProcessUser.uid() + " " + file + "; otherwise remove it and re-run `"
                    + LOGIN + "`";
            case UNREADABLE -> "check that it and its directory belong to you";
            default -> LOGIN;
        };
    }

    /** No token, identity, plaintext or envelope content: only paths, modes, field names and counts. */
    private void assertNothingSecretIn(String message) {
        assertThat(message).doesNotContain(TestSessions.ACCESS_SENTINEL, TestSessions.REFRESH_SENTINEL,
                SESSION.email(), SESSION.name(), SESSION.sessionId(), SESSION.userId());
        String withoutPaths = message.replace(home.toString(), "<home>");
        assertThat(HEX_RUN.matcher(withoutPaths).find()).as("hex content in %s", message).isFalse();
    }

    private static EncryptedFileSessionStore store(Path authDirectory) {
        StorageActivity counting = new StorageActivity() {
            @Override
            public void keyDerived() {
                KEY_DERIVATIONS.incrementAndGet();
            }
        };
        AuthFiles files = new AuthFiles(authDirectory);
        return new EncryptedFileSessionStore(authDirectory, TestSessions.PASSPHRASE, Duration.ofSeconds(10), counting,
                new HotPathFile(files, Clock.systemUTC()));
    }

    private static void copyTemplate(Path authDirectory) throws Exception {
        Files.createDirectories(authDirectory.getParent());
        Files.createDirectory(authDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String name : List.of("session.json", "session.salt", "session.lock")) {
            Files.copy(templateHome.resolve("auth").resolve(name), authDirectory.resolve(name),
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Old mtimes on every plain file and directory, so that any write or touch shows. */
    private static void ageEverything(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(path, LONG_AGO);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------- mutations

    private static Breakage envelopeMutation(UnaryOperator<byte[]> change) {
        return s -> Files.write(s.session(), change.apply(Files.readAllBytes(s.session())));
    }

    private static UnaryOperator<byte[]> flip(int at, int mask) {
        return bytes -> {
            byte[] changed = bytes.clone();
            changed[at] ^= (byte) mask;
            return changed;
        };
    }

    private static UnaryOperator<byte[]> replace(int at, char with) {
        return bytes -> {
            byte[] changed = bytes.clone();
            changed[at] = (byte) with;
            return changed;
        };
    }

    private static UnaryOperator<byte[]> delete(int at, int count) {
        return splice(at, count, "");
    }

    private static UnaryOperator<byte[]> splice(int at, int count, String insert) {
        return bytes -> {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return (text.substring(0, at) + insert + text.substring(at + count)).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static UnaryOperator<byte[]> upperCase(int from, int to) {
        return bytes -> {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return (text.substring(0, from) + text.substring(from, to).toUpperCase(Locale.ROOT) + text.substring(to))
                    .getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static UnaryOperator<byte[]> swapNonce(int nonce, int tag) {
        return bytes -> {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            String tagStart = text.substring(tag, tag + 24);
            return (text.substring(0, nonce) + tagStart + text.substring(nonce + 24)).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static UnaryOperator<byte[]> append(String suffix) {
        return appendBytes(suffix.getBytes(StandardCharsets.US_ASCII));
    }

    private static UnaryOperator<byte[]> appendBytes(byte[] suffix) {
        return bytes -> {
            byte[] changed = Arrays.copyOf(bytes, bytes.length + suffix.length);
            System.arraycopy(suffix, 0, changed, bytes.length, suffix.length);
            return changed;
        };
    }

    private static UnaryOperator<byte[]> prependBytes(byte[] prefix) {
        return bytes -> {
            byte[] changed = Arrays.copyOf(prefix, prefix.length + bytes.length);
            System.arraycopy(bytes, 0, changed, prefix.length, bytes.length);
            return changed;
        };
    }

    private static Row edit(String name, UnaryOperator<byte[]> change, Outcome outcome) {
        return new Row(name, envelopeMutation(change), outcome);
    }

    private static Path mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).as("mkfifo").isZero();
        return path;
    }

    private static void chown(Path path) throws Exception {
        Assumptions.assumeTrue(ProcessUser.uid() == 0, "changing a file's owner needs root");
        Files.setAttribute(path, "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
    }

    private static String octal(String mode) {
        int bits = 0;
        for (int i = 0; i < 9; i++) {
            if (mode.charAt(i) != '-') {
                bits |= 1 << (8 - i);
            }
        }
        return String.format("0%03o", bits);
    }
}
