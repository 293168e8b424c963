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
        return launch(List.of("nice", "-n", String.valueOf(niceness)), sandbox, "", extraEnvironment, args).await();
    }

    /**
     * The command line that starts the packaged CLI (append its arguments), for tests that start it
     * themselves, e.g. in a terminal under tmux; the caller sets {@code HOME} and {@code SPEC_KITTY_HOME}.
     */
    public static List<String> launchCommand() {
        return PackagedLaunch.commandPrefix();
    }

    /** Interactive: {@code spec-kitty} with no arguments, fed {@code stdin}. */
    public static Result interactive(Path sandbox, String stdin) {
        return start(sandbox, stdin, Map.of());
    }

    /**
     * Started without waiting, for tests that SIGKILL the CLI: {@link Running#kill()} or
     * {@link Running#await()}. Empty stdin; its transcript is recorded like any other.
     */
    public static Running spawn(Path sandbox, Map<String, String> extraEnvironment, String... args) {
        return launch(List.of(), sandbox, "", extraEnvironment, args);
    }

    /**
     * Like {@link #spawn}, under {@code launcher} (e.g. {@code setpriv --reuid=65534 ...} to run it as
     * another user), which execs the java command.
     */
    public static Running spawnUnder(List<String> launcher, Path sandbox, Map<String, String> extraEnvironment,
            String... args) {
        return launch(launcher, sandbox, "", extraEnvironment, args);
    }

    /** A CLI process that is still running. */
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

        public boolean isAlive() {
            return process.isAlive();
        }

        /** The CLI's JVM (the launcher execs java directly). */
        public long pid() {
            return process.pid();
        }

        /** Sends a signal by name ({@code INT} for Ctrl-C) through kill(1); the process keeps running. */
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

        /** SIGKILL now (a no-op if it has already exited), then what it printed; exit code 137 if killed. */
        public Result kill() {
            // Through the handle: Process.destroyForcibly would also close our end of its pipes at once.
            process.toHandle().destroyForcibly();
            return await();
        }

        /** Waits for the exit (180 s at most: 32 JVMs share 2 cores in the burst tests). */
        public Result await() {
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    String threads = threadDump(process.pid());
                    process.destroyForcibly();
                    throw new AssertionError("spec-kitty " + String.join(" ", args)
                            + " did not finish in 180 s; its threads:\n" + threads);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly(); // a test that gives up must not leave its CLI processes running
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            Result result = new Result(args, process.exitValue(), stdout.join(), stderr.join());
            TRANSCRIPTS.add(result);
            return result;
        }
    }

    private static Result start(Path sandbox, String stdin, Map<String, String> extraEnvironment, String... args) {
        return launch(List.of(), sandbox, stdin, extraEnvironment, args).await();
    }

    /** {@code launcher} goes before the java command (e.g. {@code nice -n 10}), which execs it. */
    private static Running launch(List<String> launcher, Path sandbox, String stdin,
            Map<String, String> extraEnvironment, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(PackagedLaunch.commandPrefix());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sandbox.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPEC_KITTY_"));
        environment.put("HOME", sandbox.resolve("user").toString());
        environment.put("SPEC_KITTY_HOME", specKittyHome(sandbox).toString());
        environment.putAll(extraEnvironment);
        try {
            Process process = builder.start();
            CompletableFuture<String> stdout = drainInBackground(process.getInputStream());
            CompletableFuture<String> stderr = drainInBackground(process.getErrorStream());
            try (var input = process.getOutputStream()) {
                input.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            return new Running(List.of(args), process, stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
