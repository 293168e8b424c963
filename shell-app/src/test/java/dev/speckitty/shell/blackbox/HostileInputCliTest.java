package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import dev.speckitty.testfixtures.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14 as real CLI processes: broken HTTP from the server (item 2), a FIFO where a session file should be
 * (item 4) and a hosted URL with a query (item 5). Each ends in one clear line and its exit code; nothing
 * hangs, no stack trace, no Reactor/Netty log and none of the hostile bytes reach stdout or stderr.
 */
@ExtendWith(NoTokenLeak.class)
class HostileInputCliTest {

    private static final String NOISE = "<b>BODY_MARKER_x</b> \u001b[2J tok_SENTINEL_9f8e7d6c5b4a39281716";

    @TempDir
    Path tempDir;

    private Path sandbox;

    @BeforeEach
    void sandbox() {
        sandbox = CliProcess.freshSandbox(tempDir);
    }

    // ---- item 2: an answer that is not HTTP ----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GARBAGE_STATUS_LINE", "HUGE_HEADER", "NON_HTTP_BYTES", "BAD_CHUNKED_ENCODING"})
    void brokenHttpIsOneClearLineWithoutLogsOrTheServersBytes(String kind) throws Exception {
        String answer = switch (kind) {
            case "GARBAGE_STATUS_LINE" -> "HTTP/1.1 2OO " + NOISE + "\r\nContent-Length: 2\r\n\r\n{}";
            case "HUGE_HEADER" -> "HTTP/1.1 200 OK\r\nX-Pad: " + NOISE + "x".repeat(200 * 1024)
                    + "\r\nContent-Length: 2\r\n\r\n{}";
            case "NON_HTTP_BYTES" -> "SSH-2.0-OpenSSH_9.6 " + NOISE + "\r\n\u0000\u0001";
            default -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZZ "
                    + NOISE + "\r\n{}\r\n0\r\n\r\n";
        };
        try (RawHttpServer server = RawHttpServer.answeringEvery(answer.getBytes(StandardCharsets.ISO_8859_1))) {
            Result result = CliProcess.runWith(sandbox, Map.of("SPEC_KITTY_SAAS_URL", server.baseUrl()),
                    "auth", "login", "--headless");

            assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
            assertThat(result.stderr()).as(result.describe())
                    .contains("Network error requesting device code: MalformedHttpResponse")
                    .doesNotContain("WARN", "\tat ", "Exception", "internal error", "2OO", "SSH-2.0", "ZZZZ", "X-Pad",
                            "BODY_MARKER", "\u001b", "reactor");
            assertThat(result.stderr().lines().count()).as(result.describe()).isLessThanOrEqualTo(3);
            assertThat(result.stdout()).doesNotContain("BODY_MARKER", "\u001b");
        }
    }

    // ---- item 4: a FIFO in place of a session file --------------------------------------------------------

    private Path seededAuth() throws IOException {
        Path auth = CliProcess.authDirectory(sandbox);
        EncryptedFileSessionStore.inAuthDirectory(auth).write(SampleSessions.valid(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        Files.deleteIfExists(auth.resolve("session.hot-path.json"));
        return auth;
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Files.deleteIfExists(path);
        assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
    }

    @Test
    void aFifoInPlaceOfTheHotPathFileCostsADurableReadNotAHang() throws Exception {
        Path hotPath = seededAuth().resolve("session.hot-path.json");
        mkfifo(hotPath);

        Result status = CliProcess.run(sandbox, "auth", "status", "--short");
        Result sync = CliProcess.run(sandbox, "sync", "status");

        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout()).as(status.describe()).isNotBlank();
        assertThat(sync.exitCode()).as(sync.describe()).isZero();
        assertThat(status.stderr() + sync.stderr()).doesNotContain("\tat ", "internal error");
    }

    @Test
    void aFifoInPlaceOfTheSaltIsRefusedByNameInsteadOfHanging() throws Exception {
        Path salt = seededAuth().resolve("session.salt");
        mkfifo(salt);

        Result short_ = CliProcess.run(sandbox, "auth", "status", "--short");
        Result status = CliProcess.run(sandbox, "auth", "status");
        Result sync = CliProcess.run(sandbox, "sync", "status");

        assertThat(short_.exitCode()).as(short_.describe()).isEqualTo(1);
        assertThat(short_.stdout()).as(short_.describe()).isEqualTo("unreadable\n");
        assertThat(status.stdout() + status.stderr()).as(status.describe())
                .contains("Salt file " + salt + " is a special file, not a regular file");
        for (Result result : new Result[] {short_, status, sync}) {
            assertThat(result.exitCode()).as(result.describe()).isNotEqualTo(2);
            assertThat(result.stdout() + result.stderr()).as(result.describe()).doesNotContain("\tat ", "internal error");
        }
        assertThat(Files.isRegularFile(salt, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("left as it was").isFalse();
    }

    // ---- item 5: a hosted URL with a query ----------------------------------------------------------------

    @Test
    void aHostedUrlWithAQueryIsRefusedWithoutEchoingIt() {
        Map<String, String> env = Map.of("SPEC_KITTY_SAAS_URL", "https://app.spec-kitty.ai/?token=SECRET_in_query");

        Result json = CliProcess.runWith(sandbox, env, "sync", "status", "--json");
        Result login = CliProcess.runWith(sandbox, env, "auth", "login");

        for (Result result : new Result[] {json, login}) {
            assertThat(result.stdout() + result.stderr()).as(result.describe())
                    .contains("The hosted server URL must not have a query (?…) or a fragment (#…).")
                    .doesNotContain("SECRET_in_query", "IllegalArgumentException", "internal error");
        }
        assertThat(login.exitCode()).as(login.describe()).isNotZero().isNotEqualTo(2);
    }
}
