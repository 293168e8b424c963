package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * A session file that cannot be used: the CLI says what is wrong on stderr, exits 1, reports the
 * problem in JSON, and never touches the files.
 */
@ExtendWith(NoTokenLeak.class)
class BrokenSessionCliTest {

    private static final Map<String, String> MESSAGES_BY_PROBLEM = new ConcurrentHashMap<>();

    @TempDir
    Path tempDir;

    enum Breakage {
        TAMPERED("decryption_failed"),
        TRUNCATED("malformed"),
        VERSION_1("unsupported_version"),
        WRONG_SALT("decryption_failed"),
        UNSAFE_PERMISSIONS("unsafe_permissions");

        final String problem;

        Breakage(String problem) {
            this.problem = problem;
        }
    }

    @ParameterizedTest
    @EnumSource(Breakage.class)
    void statusJsonReportsTheProblemAndLeavesTheFilesAlone(Breakage breakage) throws IOException {
        Path sandbox = brokenSandbox(breakage);
        Snapshot before = Snapshot.of(CliProcess.authDirectory(sandbox));

        Result result = CliProcess.run(sandbox, "auth", "status", "--json");

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        JsonNode json = JsonDocuments.single(result.stdout());
        assertThat(json.get("authenticated").booleanValue()).isFalse();
        assertThat(json.get("state").asString()).isEqualTo("unreadable");
        assertThat(json.get("problem").asString()).isEqualTo(breakage.problem);
        String message = json.get("message").asString();
        assertThat(message).contains(CliProcess.authDirectory(sandbox).toString());
        assertThat(result.stderr()).startsWith(message + "\n").contains("left untouched")
                .doesNotContain("Exception", "\tat ");
        assertThat(Snapshot.of(CliProcess.authDirectory(sandbox))).isEqualTo(before);
        MESSAGES_BY_PROBLEM.merge(breakage.problem, message, (first, second) -> first);
    }

    @Test
    void statusTextPutsTheProblemOnStderrOnly() throws IOException {
        Path sandbox = brokenSandbox(Breakage.TAMPERED);
        Result result = CliProcess.run(sandbox, "auth", "status");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("decrypt", "spec-kitty auth login");
    }

    @Test
    void whoamiFailsOnAnUnreadableSession() throws IOException {
        Path sandbox = brokenSandbox(Breakage.UNSAFE_PERMISSIONS);
        Result result = CliProcess.run(sandbox, "auth", "whoami");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("chmod 600");
    }

    @AfterAll
    static void eachKindOfProblemHasItsOwnMessage() {
        assertThat(MESSAGES_BY_PROBLEM).hasSize(4);
        assertThat(Set.copyOf(MESSAGES_BY_PROBLEM.values())).hasSize(4);
    }

    private Path brokenSandbox(Breakage breakage) throws IOException {
        Path sandbox = CliProcess.freshSandbox(tempDir);
        Path authDirectory = CliProcess.authDirectory(sandbox);
        EncryptedFileSessionStore.inAuthDirectory(authDirectory).write(SampleSessions.valid(Instant.now()));
        Path session = authDirectory.resolve("session.json");
        Path salt = authDirectory.resolve("session.salt");
        switch (breakage) {
            case TAMPERED -> {
                String text = Files.readString(session);
                int at = text.indexOf("\"ciphertext\"") + 20;
                char flipped = text.charAt(at) == '0' ? '1' : '0';
                Files.writeString(session, text.substring(0, at) + flipped + text.substring(at + 1));
            }
            case TRUNCATED -> {
                byte[] bytes = Files.readAllBytes(session);
                Files.write(session, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            }
            case VERSION_1 -> Files.writeString(session,
                    "{\"version\": 1, \"email\": \"ada@example.com\", \"access_token\": \"at_SENTINEL_1\"}",
                    StandardCharsets.UTF_8);
            case WRONG_SALT -> Files.write(salt, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            case UNSAFE_PERMISSIONS -> Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rw-r--r--"));
        }
        return sandbox;
    }

    /** Bytes and modes of the session and salt files. */
    private record Snapshot(String session, String salt, Set<PosixFilePermission> sessionMode) {
        static Snapshot of(Path authDirectory) throws IOException {
            Path session = authDirectory.resolve("session.json");
            return new Snapshot(java.util.HexFormat.of().formatHex(Files.readAllBytes(session)),
                    java.util.HexFormat.of().formatHex(Files.readAllBytes(authDirectory.resolve("session.salt"))),
                    Files.getPosixFilePermissions(session));
        }
    }
}
