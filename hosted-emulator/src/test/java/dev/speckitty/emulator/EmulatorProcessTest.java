package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command-line entry point as a real process, the way scripts and the demo do. */
class EmulatorProcessTest {

    private static final Pattern READY = Pattern.compile("spec-kitty-emulator listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @TempDir
    Path dir;

    @Test
    void printsExactlyOneReadyLineOnStdoutAndServesUntilStopped() throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Process process = launch(stdout, "--port=0", "--auto-approve", "--access-token-ttl=60");
        try {
            String line = firstLine(stdout, process);
            Matcher matcher = READY.matcher(line);
            assertThat(matcher.matches()).as("ready line was: %s", line).isTrue();

            Http http = new Http(matcher.group(1));
            assertThat(http.get("/api/v1/sync/health/").status()).isEqualTo(200);
            assertThat(http.get("/__admin/settings").json()).containsEntry("auto_approve", true)
                    .containsEntry("access_token_ttl", 60);
            assertThat(http.postJson("/__admin/sessions", Map.of()).status()).isEqualTo(201);

            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(stdout)).as("nothing else on stdout").containsExactly(line);
            assertThat(Files.readString(dir.resolve("stderr.txt"))).as("logs go to stderr")
                    .contains("emulator bound to").doesNotContain("at_").doesNotContain("rt_");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Process process = launch(stdout, "--no-such-option");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt")))
                .contains("unknown option --no-such-option").contains("usage:");
        assertThat(Files.readString(stdout)).isEmpty();
    }

    private Process launch(Path stdout, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    /** Waits (up to 30 s) for the first complete line on stdout, as a launcher script would. */
    private static String firstLine(Path stdout, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.readString(stdout, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            if (end >= 0) {
                return text.substring(0, end);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ready line on stdout; process alive: " + process.isAlive());
    }
}
