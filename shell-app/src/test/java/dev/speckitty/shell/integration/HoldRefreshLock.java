package dev.speckitty.shell.integration;

import dev.speckitty.adapters.storage.session.lock.FileRefreshLock;
import dev.speckitty.domain.port.RefreshLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Another process holding the machine-wide refresh lock: {@code HoldRefreshLock <authDir>
 * <seconds> <recordAgeSeconds>}. Prints "held" once it has the lock; a record age of 120 plays a
 * hung holder whose record is stale.
 */
public final class HoldRefreshLock {

    /**
     * The test class path holds two SLF4J providers (the CLI's simple one, the emulator's Logback):
     * a helper JVM names the test JVM's, or SLF4J's warning about the two would be its first line.
     */
    static final String SLF4J_PROVIDER_OF_THIS_JVM = "-Dslf4j.provider=" + System.getProperty("slf4j.provider");
    /** SLF4J reports a named provider at its INFO level, on stdout; only its warnings may show. */
    static final String SLF4J_QUIET = "-Dslf4j.internal.verbosity=WARN";

    /** Starts the holder with the test JVM's class path and returns once it holds the lock. */
    static Process start(Path authDir, int seconds, int recordAgeSeconds) throws IOException {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", SLF4J_PROVIDER_OF_THIS_JVM, SLF4J_QUIET, "-cp", System.getProperty("java.class.path"),
                HoldRefreshLock.class.getName(),
                authDir.toString(), String.valueOf(seconds), String.valueOf(recordAgeSeconds))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"held".equals(first)) {
            holder.destroyForcibly();
            throw new AssertionError("the lock holder did not get the lock: " + first);
        }
        return holder;
    }

    public static void main(String[] args) throws Exception {
        Path authDir = Path.of(args[0]);
        long seconds = Long.parseLong(args[1]);
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-Long.parseLong(args[2])));
        RefreshLock lock = new FileRefreshLock(authDir, clock, "holder-host", "test");
        try (RefreshLock.Lease lease = lock.acquire(Duration.ofSeconds(5)).orElseThrow()) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(seconds * 1000);
        }
    }
}
