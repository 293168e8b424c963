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

    /** Interactive: {@code spec-kitty} with no arguments, fed {@code stdin}. */
    public static Result interactive(Path sandbox, String stdin) {
        return start(sandbox, stdin, Map.of());
    }

    private static Result start(Path sandbox, String stdin, Map<String, String> extraEnvironment, String... args) {
        return launch(sandbox, stdin, extraEnvironment, args).await(180); // generous: 32 JVMs share 2 cores in bursts
    }

    /**
     * Starts {@code spec-kitty <args>} without waiting (stdin empty and closed), for tests that signal
     * or kill the process while it runs; {@link Running#await} records the transcript like a run.
     */
    public static Running launch(Path sandbox, Map<String, String> extraEnvironment, String... args) {
        return launch(sandbox, "", extraEnvironment, args);
    }

    private static Running launch(Path sandbox, String stdin, Map<String, String> extraEnvironment, String... args) {
        List<String> command = new ArrayList<>(PackagedLaunch.commandPrefix());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPEC_KITTY_"));
        environment.put("HOME", sandbox.resolve("user").toString());
        environment.put("SPEC_KITTY_HOME", specKittyHome(sandbox).toString());
        environment.putAll(extraEnvironment);
        try {
            Process process = builder.start();
            Running running = new Running(List.of(args), process, drainInBackground(process.getInputStream()),
                    drainInBackground(process.getErrorStream()));
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CLI process that is still running; its output is drained meanwhile. */
    public static final class Running {
        private final List<String> args;
        private final Process process;
        private final CompletableFuture<String> stdout;
        private final CompletableFuture<String> stderr;

        private Running(List<String> args, Process process, CompletableFuture<String> stdout,
                CompletableFuture<String> stderr) {
            this.args = args;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Sends a signal by name ({@code INT} for Ctrl-C, {@code KILL}) through the kill(1) command. */
        public void signal(String name) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
                if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                    throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** Waits for the exit and the end of both streams, then records the transcript. */
        public Result await(long seconds) {
            try {
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.toHandle().destroyForcibly();
                    throw new AssertionError("spec-kitty " + String.join(" ", args) + " did not finish in "
                            + seconds + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            Result result = new Result(args, process.exitValue(), stdout.join(), stderr.join());
            TRANSCRIPTS.add(result);
            return result;
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
