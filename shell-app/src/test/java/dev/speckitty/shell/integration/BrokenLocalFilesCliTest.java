package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.NoTokenLeak;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 items 8 and 9 as real CLI processes: a broken local file (a corrupt or huge
 * {@code queue.db}, invalid UTF-8 or YAML in {@code .kittify/config.yaml}, a directory where
 * {@code refresh.lock} belongs) is a failed command (exit 1) whose message names the file and the
 * next step, never an "internal error", and leaves the file as it was; a report that cannot be
 * written leaves no temp file; {@code sync status --check} names a refused connection, a timeout
 * and an HTTP status differently.
 */
@ExtendWith(NoTokenLeak.class)
class BrokenLocalFilesCliTest {

    @TempDir
    static Path tempDir;

    private static HostedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aCorruptOrHugeQueueSaysMoveItAsideAndKeepsIt() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "queue", Duration.ofMinutes(10), true);
        Path queue = CliProcess.specKittyHome(box.sandbox).resolve("queue.db");
        Files.writeString(queue, "this is not an SQLite database\n".repeat(40));
        byte[] corrupt = Files.readAllBytes(queue);

        Result status = box.run("sync", "status");
        assertFailedWithMessage(status, queue.toString(), "is not a readable spec-kitty event queue", "Move it aside");
        assertThat(Files.readAllBytes(queue)).as("nothing lost").isEqualTo(corrupt);

        Files.delete(queue);
        try (RandomAccessFile huge = new RandomAccessFile(queue.toFile(), "rw")) {
            huge.setLength(4L << 30); // 4 GiB, sparse
        }
        Result enqueue = box.run("sync", "enqueue", "--event-type", "mission.started", "--event-id", "huge-1");
        assertFailedWithMessage(enqueue, queue.toString(), "Move it aside");
        assertThat(Files.size(queue)).isEqualTo(4L << 30);
    }

    @Test
    void aBrokenConfigYamlNamesTheProblemAndStaysAsItWas() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "config", Duration.ofMinutes(10), true);
        ProjectFiles.write(box.sandbox, ProjectFiles.PROJECT);
        Path config = box.sandbox.resolve(".kittify").resolve("config.yaml");
        byte[] notUtf8 = (ProjectFiles.PROJECT + "teamspace: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(config, notUtf8);
        assertFailedWithMessage(box.run("teamspace", "status"), config.toString(), "is not UTF-8 text");
        assertFailedWithMessage(box.run("teamspace", "bind", "acme/other"), config.toString(), "is not UTF-8 text");
        assertThat(Files.readAllBytes(config)).isEqualTo(notUtf8);

        Files.writeString(config, ProjectFiles.PROJECT + "teamspace: [acme\n");
        assertFailedWithMessage(box.run("teamspace", "status"), config.toString(), "is not valid YAML", "line ", "column ");
    }

    @Test
    void aDirectoryInPlaceOfTheRefreshLockIsNamedAndTheSessionKept() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "lock", Duration.ofMinutes(10), true);
        Path lock = CliProcess.authDirectory(box.sandbox).resolve("refresh.lock");
        Files.createDirectories(lock.resolve("inside"));
        byte[] session = Files.readAllBytes(CliProcess.authDirectory(box.sandbox).resolve("session.json"));

        Result refresh = box.run("auth", "refresh", "--force");
        assertFailedWithMessage(refresh, lock.toString(), "is a directory, not a regular file", "Remove it");
        assertThat(Files.readAllBytes(CliProcess.authDirectory(box.sandbox).resolve("session.json"))).isEqualTo(session);
        assertThat(lock.resolve("inside")).isDirectory();
    }

    @Test
    void aReportThatCannotBeWrittenLeavesNoTempFile() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "report", Duration.ofMinutes(10), true);
        Map<String, String> env = new HashMap<>(box.environment);
        env.put("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");
        Result enqueued = CliProcess.runWith(box.sandbox, env, "sync", "enqueue", "--event-type", "mission.failed",
                "--event-id", "report-1");
        assertThat(enqueued.exitCode()).as(enqueued.describe()).isZero();
        emulator.faults().add(Endpoint.EVENTS_BATCH, Fault.respond(400, Map.of("error", "rejected")).times(1));
        Path occupied = box.sandbox.resolve("report.json"); // a non-empty directory: the rename onto it fails
        Files.createDirectories(occupied.resolve("keep"));

        Result sync = CliProcess.runWith(box.sandbox, env, "sync", "now", "--report", occupied.toString());
        assertFailedWithMessage(sync, occupied.toString(), "Could not write the failure report", "The sync itself is done");
        try (Stream<Path> files = Files.list(box.sandbox)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".sync-report"));
        }
    }

    @Test
    void syncStatusCheckTellsARefusedConnectionATimeoutAndAnHttpStatusApart() throws Exception {
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "check", Duration.ofMinutes(10), true);
        Map<String, String> env = new HashMap<>(box.environment);
        env.put("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");

        emulator.faults().add(Endpoint.SYNC_HEALTH, Fault.respond(500, Map.of("message", "boom")).times(1));
        assertUnreachable(CliProcess.runWith(box.sandbox, env, "sync", "status", "--check"),
                "Reachable:    no (the server answered HTTP 500)");
        emulator.faults().add(Endpoint.SYNC_HEALTH, Fault.delay(4_000).times(1));
        assertUnreachable(CliProcess.runWith(box.sandbox, env, "sync", "status", "--check"),
                "Reachable:    no (no answer within 2 seconds)");
        env.put("SPEC_KITTY_SAAS_URL", "http://127.0.0.1:1");
        assertUnreachable(CliProcess.runWith(box.sandbox, env, "sync", "status", "--check"),
                "Reachable:    no (the connection was refused");
    }

    private static void assertUnreachable(Result result, String line) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stdout()).as(result.describe()).contains(line);
    }

    private static void assertFailedWithMessage(Result result, String... expected) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr()).as(result.describe()).contains(expected).doesNotContain("internal error", "Exception");
        assertThat(result.stderr().lines().toList()).as(result.describe()).hasSizeLessThanOrEqualTo(3);
    }
}
