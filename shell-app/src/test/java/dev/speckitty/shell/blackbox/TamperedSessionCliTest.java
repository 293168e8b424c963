package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.support.TreeSnapshot;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A cross-section of the storage tampering matrix ({@code SessionTamperingMatrixTest}) through the
 * packaged CLI: commands that need the session exit 1 with one clear message on stderr (no stack
 * trace), {@code --json} still prints exactly one document, {@code sync status} reports the auth row
 * as unreadable without failing, {@code auth doctor} names the problem and the fix, and every file
 * under {@code SPEC_KITTY_HOME} and the link targets outside it is exactly as it was: nothing
 * created (no hot-path handoff for a broken session), deleted, rewritten or chmodded.
 */
@ExtendWith(NoTokenLeak.class)
class TamperedSessionCliTest {

    private static final String LOGIN = "spec-kitty auth login --force";
    private static final AtomicInteger PROCESSES = new AtomicInteger();

    @TempDir
    Path tempDir;

    enum Breakage {
        TAG_DIGIT_CHANGED("decryption_failed", null, "authentication tag does not match"),
        TRUNCATED("malformed", null, "is not valid JSON"),
        EMPTIED("malformed", null, "is empty"),
        DIRECTORY_IN_PLACE("not_a_regular_file", "F-102", "is a directory"),
        SYMLINK_OUT_OF_THE_AUTH_DIRECTORY("not_a_regular_file", "F-102", "is a symbolic link"),
        GROUP_READABLE("unsafe_permissions", "F-103", "(mode=0640); expected 0600"),
        OWNED_BY_ANOTHER_USER("wrong_owner", "F-108", "is owned by uid 54321"),
        SALT_TOO_SHORT("salt_wrong_length", "F-105", "wrong length (15 bytes)"),
        SALT_A_SYMLINK("not_a_regular_file", "F-105", "is a symbolic link");

        final String problem;
        final String storageFinding;
        final String detail;

        Breakage(String problem, String storageFinding, String detail) {
            this.problem = problem;
            this.storageFinding = storageFinding;
            this.detail = detail;
        }

        boolean aboutTheSalt() {
            return name().startsWith("SALT");
        }
    }

    /** One broken sandbox: the paths, and the state of everything the CLI must leave alone. */
    private record Broken(Path sandbox, Path session, Path salt, Path named) {
        List<TreeSnapshot> state() {
            return List.of(TreeSnapshot.of(sandbox.resolve("spec-kitty")), TreeSnapshot.of(sandbox.resolve("outside")));
        }
    }

    @AfterAll
    static void printTheFigures() {
        System.out.println("tampered-session CLI: " + PROCESSES + " CLI processes");
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void statusAndDoctorNameTheProblemAndTheFixAndTouchNothing(Breakage breakage) throws Exception {
        Broken broken = broken(breakage);
        List<TreeSnapshot> before = broken.state();

        Result status = run(broken, "auth", "status", "--json");
        assertThat(status.exitCode()).as(status.describe()).isEqualTo(1);
        JsonNode json = JsonDocuments.single(status.stdout());
        assertThat(json.get("state").asString()).isEqualTo("unreadable");
        assertThat(json.get("authenticated").booleanValue()).isFalse();
        assertThat(json.get("problem").asString()).as(status.describe()).isEqualTo(breakage.problem);
        String message = json.get("message").asString();
        assertThat(message).contains(broken.named().toString(), breakage.detail);
        assertThat(status.stderr()).isEqualTo(message + "\n" + "  The session file was left untouched. Fix the problem"
                + " above, or run " + LOGIN + " to replace it.\n");

        Result doctor = run(broken, "auth", "doctor", "--json");
        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stderr()).isEmpty();
        JsonNode report = JsonDocuments.single(doctor.stdout());
        assertThat(report.get("session").isNull()).isTrue();
        JsonNode unusable = finding(report, "F-008");
        assertThat(unusable.get("severity").asString()).isEqualTo("critical");
        assertThat(unusable.get("summary").asString()).isEqualTo("Session file cannot be used: " + message);
        JsonNode remedy = unusable.get("remediation");
        switch (breakage) {
            case GROUP_READABLE -> assertThat(remedy.get("command").asString()).isEqualTo("chmod 600 " + broken.session());
            case OWNED_BY_ANOTHER_USER -> assertThat(remedy.get("description").asString()).contains("fix the owner");
            default -> assertThat(remedy.get("command").asString()).isEqualTo(LOGIN);
        }
        if (breakage.storageFinding != null) {
            JsonNode storage = finding(report, breakage.storageFinding);
            assertThat(storage.get("summary").asString()).contains(broken.named().toString());
            assertThat(storage.get("remediation").get("description").asString()).isNotBlank();
        }
        if (breakage == Breakage.GROUP_READABLE) {
            assertThat(finding(report, "F-103").get("remediation").get("description").asString())
                    .isEqualTo("chmod 600 " + broken.session());
        }
        assertThat(broken.state()).as("nothing under SPEC_KITTY_HOME or outside it changed").isEqualTo(before);
    }

    /** Every command of the auth surface on two breakages: the content kind and the symlink kind. */
    @ParameterizedTest
    @EnumSource(value = Breakage.class, names = {"TAG_DIGIT_CHANGED", "SYMLINK_OUT_OF_THE_AUTH_DIRECTORY"})
    void everyCommandThatNeedsTheSessionFailsCleanly(Breakage breakage) throws Exception {
        Broken broken = broken(breakage);
        List<TreeSnapshot> before = broken.state();

        Result status = run(broken, "auth", "status");
        assertThat(status.exitCode()).as(status.describe()).isEqualTo(1);
        assertThat(status.stdout()).isEmpty();
        String message = status.stderr().lines().findFirst().orElseThrow();
        assertThat(message).contains(broken.named().toString(), breakage.detail, LOGIN);

        Result whoami = run(broken, "auth", "whoami");
        assertThat(whoami.exitCode()).as(whoami.describe()).isEqualTo(1);
        assertThat(whoami.stdout()).isEmpty();
        assertThat(whoami.stderr()).startsWith(message + "\n");

        Result refresh = run(broken, "auth", "refresh");
        assertThat(refresh.exitCode()).as(refresh.describe()).isEqualTo(1);
        assertThat(refresh.stdout()).isEmpty();
        assertThat(refresh.stderr()).isEqualTo("X " + message + "\n");

        Result refreshJson = run(broken, "auth", "refresh", "--json");
        assertThat(refreshJson.exitCode()).as(refreshJson.describe()).isEqualTo(1);
        JsonNode outcome = JsonDocuments.single(refreshJson.stdout());
        assertThat(outcome.get("network_call").booleanValue()).isFalse();
        assertThat(outcome.get("error").get("code").asString()).isEqualTo("storage_unreadable");
        assertThat(outcome.get("error").get("message").asString()).isEqualTo(message);

        Result doctor = run(broken, "auth", "doctor");
        assertThat(doctor.exitCode()).as(doctor.describe()).isEqualTo(1);
        assertThat(doctor.stdout()).contains("[critical] F-008: Session file cannot be used: " + message,
                "Run: " + LOGIN);

        Result sync = run(broken, "sync", "status", "--json");
        assertThat(sync.exitCode()).as("sync status reports, it does not need the session: " + sync.describe())
                .isZero();
        assertThat(JsonDocuments.single(sync.stdout()).get("auth").asString()).isEqualTo("unreadable");

        for (Result result : List.of(status, whoami, refresh, refreshJson, doctor, sync)) {
            assertThat(result.stderr()).as(result.describe()).doesNotContain("Exception", "\tat ", "internal error");
        }
        assertThat(broken.state()).as("nothing under SPEC_KITTY_HOME or outside it changed").isEqualTo(before);
    }

    private static Result run(Broken broken, String... args) {
        PROCESSES.incrementAndGet();
        return CliProcess.run(broken.sandbox(), args);
    }

    private static JsonNode finding(JsonNode report, String id) {
        List<String> ids = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("id").asString().equals(id)) {
                return finding;
            }
            ids.add(finding.get("id").asString());
        }
        throw new AssertionError("no finding " + id + " among " + ids);
    }

    private Broken broken(Breakage breakage) throws Exception {
        Path sandbox = CliProcess.freshSandbox(tempDir);
        Path auth = CliProcess.authDirectory(sandbox);
        Path outside = Files.createDirectories(sandbox.resolve("outside"));
        EncryptedFileSessionStore.inAuthDirectory(auth).write(SampleSessions.valid(Instant.now()));
        Path session = auth.resolve("session.json");
        Path salt = auth.resolve("session.salt");
        byte[] envelope = Files.readAllBytes(session);
        switch (breakage) {
            case TAG_DIGIT_CHANGED -> {
                int at = envelope.length - 10; // inside the last 32 hex digits: the GCM tag
                envelope[at] = (byte) (envelope[at] == '0' ? '1' : '0');
                Files.write(session, envelope);
            }
            case TRUNCATED -> Files.write(session, Arrays.copyOf(envelope, envelope.length * 2 / 3));
            case EMPTIED -> Files.write(session, new byte[0]);
            case DIRECTORY_IN_PLACE -> {
                Files.delete(session);
                Files.createDirectory(session);
            }
            case SYMLINK_OUT_OF_THE_AUTH_DIRECTORY -> {
                Path copy = Files.write(outside.resolve("good-copy.json"), envelope);
                Files.delete(session);
                Files.createSymbolicLink(session, copy);
            }
            case GROUP_READABLE -> Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rw-r-----"));
            case OWNED_BY_ANOTHER_USER -> {
                Assumptions.assumeTrue("0".equals(Files.getAttribute(session, "unix:uid").toString()),
                        "changing a file's owner needs root");
                Files.setAttribute(session, "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
            }
            case SALT_TOO_SHORT -> Files.write(salt, Arrays.copyOf(Files.readAllBytes(salt), 15));
            case SALT_A_SYMLINK -> {
                Path copy = Files.write(outside.resolve("good-copy.salt"), Files.readAllBytes(salt));
                Files.delete(salt);
                Files.createSymbolicLink(salt, copy);
            }
        }
        return new Broken(sandbox, session, salt, breakage.aboutTheSalt() ? salt : session);
    }
}
