package dev.speckitty.adapters.storage.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test class path running a test main class; its stdout is kept by lines,
 * its stderr goes to a file, and lines can be sent to its stdin.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::pump, "child-jvm-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static ChildJvm start(Class<?> main, Path stderr, String... arguments) throws IOException {
        return start(ChildClassPath.testClassPath(), main, stderr, arguments);
    }

    public static ChildJvm start(ChildClassPath classPath, Class<?> main, Path stderr, String... arguments)
            throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new AssertionError("cannot tell which java binary runs the tests"));
        // Serial GC and C1 only: a short-lived child starts with about a third less CPU. JVM warnings
        // (class data sharing prints some) go to stderr, never into the lines the test reads.
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xlog:disable", "-Xlog:all=warning:stderr"));
        command.addAll(classPath.jvmFlags());
        command.addAll(List.of("-cp", classPath.classPath(), main.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(process, stderr);
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one line to the child's stdin. */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for the next line starting with {@code prefix}. */
    public String awaitLine(String prefix, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = fresh.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("child " + process.pid() + " printed no \"" + prefix + "\" within " + seconds
                        + " s (alive=" + process.isAlive() + "): " + stderrText());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** Waits for a clean exit and the end of its output; returns every stdout line. */
    public List<String> finish(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not exit within " + seconds + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        if (process.exitValue() != 0) {
            throw new AssertionError("child " + process.pid() + " exited " + process.exitValue() + ": " + stderrText());
        }
        return List.copyOf(lines);
    }

    /** SIGKILL, then every line it managed to print. */
    public List<String> kill() throws InterruptedException {
        // Through the handle: Process.destroyForcibly also closes our end of the stdout pipe at once,
        // so lines the child printed but the reader had not taken yet would be lost.
        process.toHandle().destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " survived SIGKILL for 10 s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return List.copyOf(lines);
    }

    public String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException unreadable) {
            return "(stderr unreadable)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                fresh.add(line);
            }
        } catch (IOException streamClosed) {
            // the child is gone
        }
    }
}
