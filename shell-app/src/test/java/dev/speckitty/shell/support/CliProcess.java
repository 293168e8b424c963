package dev.speckitty.shell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged CLI as a real OS process, started as bin/spec-kitty starts it (see
 * {@link PackagedLaunch}) with the hermetic guard on its class path, a private {@code HOME}
 * and {@code SPEC_KITTY_HOME} and no other {@code SPEC_KITTY_*} variable (so no hosted URL can be
 * reached). Every transcript is recorded for the token-leak scan.
 */
public final class CliProcess {

    public record Result(List<String> args, int exitCode, String stdout, String stderr) {
        public String describe() {
            return "spec-kitty " + String.join(" ", args) + " -> exit " + exitCode
                    + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static final List<Result> TRANSCRIPTS = new CopyOnWriteArrayList<>();

    private CliProcess() {}

    /** A temp directory with {@code user/} (HOME) and {@code spec-kitty/} (SPEC_KITTY_HOME) paths. */
    public static Path freshSandbox(Path tempDir) {
        try {
            Files.createDirectories(tempDir.resolve("user"));
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path specKittyHome(Path sandbox) {
        return sandbox.resolve("spec-kitty");
    }

    public static Path authDirectory(Path sandbox) {
        return specKittyHome(sandbox).resolve("auth");
    }

    /** One-shot: {@code spec-kitty <args>} with empty stdin. */
    public static Result run(Path sandbox, String... args) {
        return start(sandbox, "", Map.of(), args);
    }

    /** One-shot with extra environment variables (applied after the sandbox defaults). */
    public static Result runWith(Path sandbox, Map<String, String> extraEnvironment, String... args) {
        return start(sandbox, "", extraEnvironment, args);
    }

    /** One-shot with extra environment variables and {@code stdin} fed to the process. */
    public static Result runWithStdin(Path sandbox, Map<String, String> extraEnvironment, String stdin, String... args) {
        return start(sandbox, stdin, extraEnvironment, args);
    }

    /**
     * One-shot under {@code nice -n niceness}: for load tests whose in-JVM emulator stands in for a
     * remote service and must not queue behind the very processes it serves.
     */
    public static Result runNiced(Path sandbox, Map<String, String> extraEnvironment, int niceness, String... args) {
        return start(List.of("nice", "-n", String.valueOf(niceness)), sandbox, "", extraEnvironment, args);
    }

    /** Interactive: {@code spec-kitty} with no arguments, fed {@code stdin}. */
    public static Result interactive(Path sandbox, String stdin) {
        return start(sandbox, stdin, Map.of());
    }

    private static Result start(Path sandbox, String stdin, Map<String, String> extraEnvironment, String... args) {
        return start(List.of(), sandbox, stdin, extraEnvironment, args);
    }

    private static Result start(List<String> launcher, Path sandbox, String stdin, Map<String, String> extraEnvironment,
            String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(PackagedLaunch.commandPrefix());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPEC_KITTY_"));
        environment.put("HOME", sandbox.resolve("user").toString());
        environment.put("SPEC_KITTY_HOME", specKittyHome(sandbox).toString());
        environment.putAll(extraEnvironment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CompletableFuture<String> stdout = drainInBackground(process.getInputStream());
            CompletableFuture<String> stderr = drainInBackground(process.getErrorStream());
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(180, TimeUnit.SECONDS)) { // generous: 32 JVMs share 2 cores in the burst tests
                String threads = threadDump(process.pid());
                process.destroyForcibly();
                throw new AssertionError("spec-kitty " + String.join(" ", args) + " did not finish in 180 s; its threads:\n"
                        + threads);
            }
            Result result = new Result(List.of(args), process.exitValue(), stdout.join(), stderr.join());
            TRANSCRIPTS.add(result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly(); // a test that gives up must not leave its CLI processes running
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What a hung CLI process was doing ({@code jcmd <pid> Thread.print}), for the failure message. */
    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(PackagedLaunch.javaHome().resolve("bin").resolve("jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            CompletableFuture<String> dump = drainInBackground(jcmd.getInputStream());
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "(jcmd did not answer in 30 s)";
            }
            return dump.join();
        } catch (IOException e) {
            return "(no thread dump: " + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    /** A thread of its own per stream: on the common pool (1 thread on 2 cores) a burst's results queue up. */
    private static CompletableFuture<String> drainInBackground(java.io.InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("cli-output-drain").start(() -> {
            try {
                text.complete(drain(stream));
            } catch (RuntimeException e) {
                text.completeExceptionally(e);
            }
        });
        return text;
    }

    private static String drain(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything every CLI process of this test run printed. */
    public static List<Result> transcripts() {
        return List.copyOf(TRANSCRIPTS);
    }
}
