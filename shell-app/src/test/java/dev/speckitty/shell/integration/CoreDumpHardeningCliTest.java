package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14 item 6 on a real process: a CLI waiting in a device login (tokens about to be in its
 * memory) has a core size limit of 0 and is not dumpable. Not dumpable is visible from outside as
 * {@code /proc/<pid>/mem} owned by root instead of the process's user, so the CLI runs as
 * {@code nobody} (setpriv); a plain {@code sleep} run the same way is the control whose
 * {@code mem} stays nobody's. The tests run as root, which may read anything: the ownership is the
 * kernel's own statement that a same-user process may not.
 */
class CoreDumpHardeningCliTest {

    private static final List<String> AS_NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
    private static final String NOBODY = "65534";

    @Test
    @Timeout(120)
    void aWaitingLoginHasNoCoreLimitAndIsNotDumpable() throws Exception {
        Path box = Files.createTempDirectory(Path.of("/tmp"), "spec-kitty-dumpable-");
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(false).build())) {
            CliProcess.freshSandbox(box);
            Files.createDirectories(CliProcess.specKittyHome(box));
            chownToNobody(box);
            CliProcess.Running login = CliProcess.spawnUnder(AS_NOBODY, box,
                    Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl()), "auth", "login", "--headless");
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (emulator.counters().calls(Endpoint.TOKEN) == 0 && login.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(login.isAlive()).as("the login waits for approval").isTrue();
                assertThat(emulator.counters().calls(Endpoint.TOKEN)).as("it polls: past start-up").isPositive();
                Path proc = Path.of("/proc", String.valueOf(login.pid()));
                assertThat(statusUid(proc)).as("the CLI runs as nobody").isEqualTo(NOBODY);
                assertThat(coreLimit(proc)).isEqualTo(List.of("0", "0"));
                assertThat(owner(proc.resolve("mem"))).as("not dumpable: /proc/<pid>/mem belongs to root").isEqualTo("0");
            } finally {
                login.kill();
            }
            Process sleep = new ProcessBuilder(Stream.concat(AS_NOBODY.stream(), Stream.of("sleep", "30")).toList()).start();
            try {
                Path proc = Path.of("/proc", String.valueOf(sleep.pid()));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!NOBODY.equals(statusUid(proc)) && System.nanoTime() < deadline) {
                    Thread.sleep(20); // setpriv has not exec'd sleep yet
                }
                assertThat(owner(proc.resolve("mem"))).as("control: a dumpable process's mem is its own").isEqualTo(NOBODY);
            } finally {
                sleep.destroyForcibly();
            }
        } finally {
            run("rm", "-rf", box.toString());
        }
    }

    private static void chownToNobody(Path box) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(box, PosixFilePermissions.fromString("rwxr-xr-x"));
        run("chown", "-R", NOBODY + ":" + NOBODY, box.toString());
    }

    private static String statusUid(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("status")).stream().filter(line -> line.startsWith("Uid:"))
                .map(line -> line.split("\\s+")[1]).findFirst().orElseThrow();
    }

    /** Soft and hard "Max core file size" from /proc/<pid>/limits. */
    private static List<String> coreLimit(Path proc) throws IOException {
        String line = Files.readAllLines(proc.resolve("limits")).stream().filter(l -> l.startsWith("Max core file size"))
                .findFirst().orElseThrow();
        String[] words = line.substring("Max core file size".length()).trim().split("\\s+");
        return List.of(words[0], words[1]);
    }

    private static String owner(Path file) throws IOException {
        return String.valueOf(Files.getAttribute(file, "unix:uid"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }
}
