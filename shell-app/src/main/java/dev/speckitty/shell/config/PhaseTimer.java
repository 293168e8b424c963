package dev.speckitty.shell.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a one-shot spends its time and CPU: with {@code SPEC_KITTY_DEBUG_TIMING=1}, each
 * {@link #mark} prints one line to stderr with the wall time since {@code main} started and the
 * process's CPU time so far (user + system, all threads, JVM start-up included), e.g.
 * {@code spec-kitty-timing phase=context_ready since_main_ms=212 cpu_ms=301}; {@link #threads} adds the CPU of each JVM thread
 * (JIT compiler, GC, main) from {@code /proc}. Off (the default), a mark costs one boolean test.
 */
public final class PhaseTimer {

    public static final String ENABLE_VARIABLE = "SPEC_KITTY_DEBUG_TIMING";
    private static final boolean ENABLED = "1".equals(System.getenv(ENABLE_VARIABLE));
    private static final long FIRST_MARK_NANOS = System.nanoTime(); // set by the first mark, "main"
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

    private PhaseTimer() {}

    public static void mark(String phase) {
        if (ENABLED) {
            long sinceFirstMark = (System.nanoTime() - FIRST_MARK_NANOS) / 1_000_000;
            long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(cpu -> cpu.toMillis()).orElse(-1L);
            System.err.println("spec-kitty-timing phase=" + phase + " since_main_ms=" + sinceFirstMark
                    + " cpu_ms=" + cpuMillis);
        }
    }

    /** Prints {@code line} to stderr when timing is on. */
    public static void print(String line) {
        if (ENABLED) {
            System.err.println(line);
        }
    }

    /** One line per thread that used at least 10 ms of CPU: {@code spec-kitty-timing thread="C1 CompilerThre" cpu_ms=40}. */
    public static void threads() {
        if (!ENABLED) {
            return;
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                // pid (comm) state ... field 14 utime, 15 stime after the closing parenthesis
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (ticks > 0) {
                    lines.add("spec-kitty-timing thread=\"" + name + "\" cpu_ms=" + ticks * 1000 / CLOCK_TICKS_PER_SECOND);
                }
            }
        } catch (IOException | RuntimeException noProcfs) { // broad-catch: debug output only, optional on non-Linux
            lines.add("spec-kitty-timing threads=unavailable");
        }
        lines.forEach(System.err::println);
    }
}
