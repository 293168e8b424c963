package dev.speckitty.shell.interactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.speckitty.shell.support.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real terminal: the packaged CLI runs in a tmux pane (120x40, a tmux
 * server of its own), keys are sent with {@code send-keys} and the screen is read with
 * {@code capture-pane}, polled until it shows what is expected or a deadline passes. tmux is the
 * independent counterpart: it is a terminal emulator we did not write. bin/test installs it on a
 * fresh machine; without it the test is skipped, saying so. A second test checks with
 * {@code -Xlog:class+load} that the line editor costs nothing where it is not used.
 */
class InteractiveShellTmuxTest {

    private static final String PROMPT = "spec-kitty>";
    /** Start-up of a JVM on a loaded 2-core machine, and every later screen change. */
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);

    @TempDir
    Path sandbox;

    private Path socket;
    private final String session = "spec-kitty-shell";

    @AfterEach
    void stopTmux() throws Exception {
        if (socket != null) {
            tmux(Duration.ofSeconds(10), "kill-server");
        }
    }

    @Test
    void completesRemembersCancelsAndLeavesCleanly() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed: the real-terminal test of the interactive shell"
                + " is skipped (bin/test installs it; or apt-get install tmux)");
        CliProcess.freshSandbox(sandbox);
        Path home = CliProcess.specKittyHome(sandbox);
        socket = sandbox.resolve("tmux.sock");
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm-256color",
                "LANG=C.UTF-8", "HOME=" + sandbox.resolve("user"), "SPEC_KITTY_HOME=" + home,
                // A browser login that waits for a callback that never comes (nothing listens on port 9;
                // the browser flow contacts the server only after the callback): a command to Ctrl-C.
                "SPEC_KITTY_SAAS_URL=http://127.0.0.1:9", "BROWSER=true"));
        command.addAll(CliProcess.launchCommand());
        // After the CLI ends, the pane says how, and stays open to be read.
        String shellLine = command.stream().map(InteractiveShellTmuxTest::quoted).collect(Collectors.joining(" "))
                + "; echo \"[exit $?]\"; exec sleep 600";
        tmux(STEP, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", shellLine);

        List<String> start = awaitScreen(START, "the banner and a prompt", lines ->
                lines.stream().anyMatch(line -> line.startsWith("spec-kitty ") && line.contains("interactive shell")
                        && line.contains("'help'") && line.contains("Ctrl-D")) && lastLine(lines).equals(PROMPT));
        assertThat(start).hasSize(2); // nothing else: no warning from the JVM or the line editor

        sendKeys("au", "Tab");
        awaitScreen(STEP, "'au' + Tab completed to 'auth'", lines -> lastLine(lines).equals(PROMPT + " auth"));
        sendKeys("st", "Tab");
        awaitScreen(STEP, "'auth st' + Tab completed to 'auth status'",
                lines -> lastLine(lines).equals(PROMPT + " auth status"));

        sendKeys("Enter");
        List<String> screen = awaitScreen(STEP, "auth status ran and the prompt came back", lines ->
                lines.contains("X Not authenticated") && lastLine(lines).equals(PROMPT));
        assertThat(screen).doesNotContain("^[[A");

        sendKeys("Up");
        awaitScreen(STEP, "Up recalled the previous line", lines -> lastLine(lines).equals(PROMPT + " auth status"));
        Path history = home.resolve("shell_history");
        assertThat(Files.readString(history, StandardCharsets.UTF_8)).isEqualTo("auth status\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");

        sendKeys("C-c");
        awaitScreen(STEP, "Ctrl-C dropped the recalled line and prompted again",
                lines -> lastLine(lines).equals(PROMPT) && count(lines, PROMPT + " auth status") == 2);
        sendKeys("help", "Enter");
        awaitScreen(STEP, "the shell is still alive after Ctrl-C and lists its commands", lines ->
                lines.stream().anyMatch(line -> line.contains("exit, quit")) && lastLine(lines).equals(PROMPT));
        assertThat(Files.readString(history, StandardCharsets.UTF_8)).isEqualTo("auth status\nhelp\n");

        sendKeys("auth login", "Enter");
        awaitScreen(STEP, "the browser login waits", lines ->
                lines.stream().anyMatch(line -> line.startsWith("Waiting for the browser")));
        sendKeys("C-c");
        awaitScreen(STEP, "Ctrl-C cancelled the running login and the prompt came back", lines ->
                lines.contains("Login cancelled by user.") && lastLine(lines).equals(PROMPT));
        assertThat(home.resolve("auth").resolve("session.json")).doesNotExist();

        sendKeys("C-d");
        screen = awaitScreen(STEP, "Ctrl-D ended the shell", lines -> lines.contains("[exit 0]"));
        // The exit report starts a line of its own: the shell left the terminal on a fresh line.
        assertThat(screen.get(screen.indexOf("[exit 0]") - 1)).isEqualTo(PROMPT);
    }

    /** JLine costs ~0.4 s of start-up: a one-shot command and a piped script must not load a class of it. */
    @Test
    void oneShotCommandsAndPipedScriptsLoadNoJLineClass() throws Exception {
        CliProcess.freshSandbox(sandbox);
        assertThat(classesLoaded("oneshot", "", "auth", "status")).isNotEmpty().noneMatch(InteractiveShellTmuxTest::jline);
        assertThat(classesLoaded("piped", "auth status\n")).isNotEmpty().noneMatch(InteractiveShellTmuxTest::jline);
    }

    private List<String> classesLoaded(String name, String stdin, String... args) throws Exception {
        Path log = sandbox.resolve(name + "-classes.log");
        List<String> command = new ArrayList<>(CliProcess.launchCommand());
        // After the launcher's -Xlog flags (which switch other logging off), before the class path.
        command.add(command.indexOf("-cp"), "-Xlog:class+load:file=" + log);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SPEC_KITTY_"));
        builder.environment().put("HOME", sandbox.resolve("user").toString());
        builder.environment().put("SPEC_KITTY_HOME", CliProcess.specKittyHome(sandbox).toString());
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(process.exitValue()).as(name + " exit code").isZero();
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** {@code [info][class,load] org.jline.reader.LineReader source: ...}; the JDK's own copy is jdk.internal.org.jline. */
    private static boolean jline(String logLine) {
        return logLine.contains(" org.jline.") || logLine.contains("JLineSession");
    }

    private void sendKeys(String... keys) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", session));
        arguments.addAll(List.of(keys));
        tmux(STEP, arguments.toArray(String[]::new));
    }

    /** Polls the pane until {@code expected} holds; fails with the screen as it was. */
    private List<String> awaitScreen(Duration timeout, String what, Predicate<List<String>> expected) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = capture();
        while (!expected.test(lines)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout.toSeconds() + " s, not seen: " + what
                        + "\n--- screen\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
            lines = capture();
        }
        return lines;
    }

    /** The pane's visible lines, trailing blanks removed, without the empty lines below the cursor. */
    private List<String> capture() throws Exception {
        List<String> lines = new ArrayList<>(tmux(STEP, "capture-pane", "-p", "-t", session).lines()
                .map(String::stripTrailing).toList());
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private String tmux(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tmux " + String.join(" ", arguments) + " did not finish");
        }
        if (process.exitValue() != 0 && !arguments[0].equals("kill-server")) {
            throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + output);
        }
        return output;
    }

    private static boolean tmuxInstalled() {
        try {
            Process process = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notFound) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
