package dev.speckitty.shell.hardening;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the tokens this process holds in memory out of core files and away from other processes of
 * the same user: on Linux, the core size limit goes to 0 ({@code setrlimit(RLIMIT_CORE)}, as
 * {@code ulimit -c 0} in the launcher does) and the process becomes non-dumpable
 * ({@code prctl(PR_SET_DUMPABLE, 0)}): no core file, no {@code ptrace} attach, no read of
 * {@code /proc/<pid>/mem} or {@code environ} by a same-user process. Both through libc, looked up at
 * run time; elsewhere, or if libc refuses, nothing happens (best effort: a CLI that runs beats one
 * that refuses to start).
 *
 * <p>The first use of FFM costs tens of milliseconds (method handles are spun), so it runs on its
 * own thread beside Spring's start-up, and the runner waits for it ({@link #awaitApplied}) before a
 * command may read a token.
 */
public final class ProcessHardening {

    private static final int PR_SET_DUMPABLE = 4;
    private static final int RLIMIT_CORE = 4;
    private static final String CORE_LIMIT_LINE = "Max core file size";

    private static volatile Thread applying;

    private ProcessHardening() {}

    /** Starts the hardening beside start-up; not during Spring AOT processing at build time (no native access there). */
    public static void start() {
        if (!Boolean.getBoolean("spring.aot.processing")) {
            applying = Thread.ofPlatform().daemon().name("process-hardening").start(ProcessHardening::apply);
        }
    }

    /** Returns once the hardening started by {@link #start} is done (at once if none was started). */
    public static void awaitApplied() {
        Thread running = applying;
        if (running == null) {
            return;
        }
        try {
            running.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // the caller is being cancelled; it will not read a token
        }
    }

    private static void apply() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return;
        }
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            noCoreFiles(linker, libc);
            notDumpable(linker, libc);
        } catch (Throwable unavailable) { // broad-catch: native hardening is best effort at start-up
            // no native access (a JVM without --enable-native-access) or no such symbol: run unhardened
        }
    }

    private static void noCoreFiles(Linker linker, SymbolLookup libc) throws Throwable {
        if (coreLimitAlreadyZero()) {
            return; // the launchers' `ulimit -c 0`: a native call less, about 30 ms of CPU
        }
        Optional<MethodHandle> setrlimit = libc.find("setrlimit").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS)));
        if (setrlimit.isEmpty()) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment zeroLimits = arena.allocate(JAVA_LONG, 2); // struct rlimit { rlim_cur = 0, rlim_max = 0 }
            int ignored = (int) setrlimit.get().invokeExact(RLIMIT_CORE, zeroLimits);
        }
    }

    /** Soft and hard "Max core file size" both 0 in /proc/self/limits; false when unsure. */
    static boolean coreLimitAlreadyZero() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(CORE_LIMIT_LINE)) {
                    String[] words = line.substring(CORE_LIMIT_LINE.length()).trim().split("\\s+");
                    return words.length >= 2 && words[0].equals("0") && words[1].equals("0");
                }
            }
        } catch (IOException | UncheckedIOException unreadable) {
            // no /proc: set the limit natively
        }
        return false;
    }

    private static void notDumpable(Linker linker, SymbolLookup libc) throws Throwable {
        // int prctl(int option, ...): variadic after the option
        Optional<MethodHandle> prctl = libc.find("prctl").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), Linker.Option.firstVariadicArg(1)));
        if (prctl.isPresent()) {
            int ignored = (int) prctl.get().invokeExact(PR_SET_DUMPABLE, 0L);
        }
    }
}
