package dev.speckitty.shell.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A foreign second CLI on the machine: {@code compat/reference_refresh.py}, written from the spec,
 * takes {@code flock} on refresh.lock and session.lock and refreshes the way the reference CLI does.
 */
final class ReferenceCli {

    private ReferenceCli() {}

    /** Holds refresh.lock with a record {@code recordAgeSeconds} old; returns once it holds it. */
    static Holder hold(Path authDir, int seconds, int recordAgeSeconds) throws IOException {
        Process process = start("hold", authDir.toString(), String.valueOf(seconds), String.valueOf(recordAgeSeconds));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("held ")) {
            process.destroyForcibly();
            throw new AssertionError("the reference-like holder did not get the lock: " + first);
        }
        return new Holder(process, Long.parseLong(first.substring("held ".length()).trim()));
    }

    /** One refresh transaction, started now; its stdout's first line is the outcome. */
    static Process refresh(Path authDir, String baseUrl) throws IOException {
        return start("refresh", authDir.toString(), baseUrl);
    }

    /**
     * Takes refresh.lock and returns once it holds it; on {@link Cued#cue} it refreshes under it
     * and keeps the lock {@code holdAfterSeconds} longer.
     */
    static Cued refreshOnCue(Path authDir, String baseUrl, int holdAfterSeconds) throws IOException {
        Process process = start("refresh-on-cue", authDir.toString(), baseUrl, String.valueOf(holdAfterSeconds));
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("held ")) {
            process.destroyForcibly();
            throw new AssertionError("the reference-like contender did not get the lock: " + first);
        }
        return new Cued(process, out);
    }

    private static Process start(String... arguments) throws IOException {
        Path script;
        try {
            script = Path.of(ReferenceCli.class.getResource("/compat/reference_refresh.py").toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        List<String> command = new java.util.ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** A contender holding refresh.lock until cued; closing kills it (the kernel drops its flock). */
    record Cued(Process process, BufferedReader out) implements AutoCloseable {
        /** Lets it refresh now; returns the outcome line it printed ("refreshed", ...). */
        String cue() throws IOException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
            String outcome = out.readLine();
            return outcome == null ? "" : outcome.trim();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    /** A live holder; closing kills it (the kernel drops its flock). */
    record Holder(Process process, long pid) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }
}
