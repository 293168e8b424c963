package dev.speckitty.adapters.storage.queue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JVM started from the test classpath running {@link QueueProcessMain}; its stdout is kept by lines. */
final class QueueChild implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final Thread reader;

    private QueueChild(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::pump, "queue-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static QueueChild start(Path stderr, String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new AssertionError("cannot tell which java binary runs the tests"));
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), QueueProcessMain.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new QueueChild(process, stderr);
    }

    /** Waits for the next line starting with {@code prefix}. */
    String awaitLine(String prefix, long seconds) throws InterruptedException {
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
    List<String> finish(long seconds) throws InterruptedException {
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
    List<String> kill() throws InterruptedException {
        // Through the handle: Process.destroyForcibly also closes our end of the stdout pipe at once,
        // so lines the child printed but the reader had not taken yet would be lost.
        process.toHandle().destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return List.copyOf(lines);
    }

    String stderrText() {
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
