package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.queue.SqliteEventQueue;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.ReceivedEvent;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.adapters.storage.support.CrashRuns;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, the event queue: {@code sync now} processes draining a few thousand queued events (in
 * batches of 1000) to the emulator are SIGKILLed at random points, many of them while a batch is
 * at the server or its answer is being applied. After every kill {@code queue.db} passes SQLite's
 * integrity check, holds no id twice, and every id ever enqueued is still queued or was received
 * by the emulator. A final {@code sync now} drains the queue: the emulator then holds every id,
 * and the test prints how many it saw more than once (allowed: the queue keeps an event until the
 * server's answer is committed, so a kill in between sends it again).
 *
 * <p>10 kills by default; more with {@code -Dspec-kitty.crash.sync-kills=N}.
 */
@ExtendWith(NoTokenLeak.class)
class SyncNowCrashTest {

    private static final int KILLS = CrashRuns.count("sync-kills", 10);
    private static final int FIRST_EVENTS = 3_000;
    private static final int TOP_UP_EVENTS = 2_000;
    /** Every batch is answered this late (a slow but correct server), so kills find batches in flight. */
    private static final int BATCH_DELAY_MS = 300;
    private static final int UNIFORM_MAX_MS = 2_500;
    /** From the server taking a batch until the queue committed its removal is a few tens of ms here. */
    private static final int AFTER_TAKEN_MAX_MICROS = 60_000;
    private static final int SIGKILLED = 128 + 9;
    private static final Map<String, String> SYNC_ENABLED = Map.of("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");

    /** Where a kill landed, as the queue and the emulator tell it afterwards. */
    enum Landing {
        BEFORE_FIRST_BATCH("before its first batch reached the server"),
        BATCH_AT_SERVER("with a batch at the server, nothing taken and not yet answered"),
        ANSWERED_NOT_REMOVED("after the server took a batch, before the queue removed it (sent again later)"),
        AFTER_A_REMOVAL("after at least one batch was taken and removed, the next not taken");

        final String meaning;

        Landing(String meaning) {
            this.meaning = meaning;
        }
    }

    @TempDir
    static Path tempDir;

    static HostedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().build());
        emulator.faults().add(Endpoint.EVENTS_BATCH, Fault.delay(BATCH_DELAY_MS)); // stays until cleared
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void killedSyncRunsNeverLoseOrDuplicateAQueuedEventAndAFinalRunDrainsTheQueue() throws Exception {
        long seed = CrashRuns.seed();
        Random random = new Random(seed);
        EmulatorSandbox box = EmulatorSandbox.seeded(tempDir, emulator, "sync", Duration.ofHours(1), true);
        Set<String> enqueued = new LinkedHashSet<>();
        enqueue(box, enqueued, "a", FIRST_EVENTS);
        long started = System.nanoTime();
        int kills = 0;
        int rounds = 0;
        int finishedFirst = 0;
        Map<Landing, Integer> landed = new EnumMap<>(Landing.class);
        Set<String> awaitingResend = Set.of();
        int topUps = 0;
        while (kills < KILLS) {
            rounds++;
            String context = "round " + rounds + " (seed " + seed + ")";
            if (queuedIds(box).isEmpty()) {
                topUps++;
                enqueue(box, enqueued, "t" + topUps, TOP_UP_EVENTS);
            }
            int queuedBefore = queuedIds(box).size();
            long batchCalls = emulator.counters().calls(Endpoint.EVENTS_BATCH);
            CliProcess.Running sync = box.spawn(SYNC_ENABLED, "sync", "now", "--json");
            switch (random.nextInt(3)) {
                case 0 -> Thread.sleep(random.nextInt(UNIFORM_MAX_MS + 1));
                case 1 -> {
                    // the run's first, second or third batch: at the server, or its answer being applied
                    long calls = batchCalls + 1 + random.nextInt(3);
                    await(() -> emulator.counters().calls(Endpoint.EVENTS_BATCH) >= calls, sync);
                    Thread.sleep(random.nextInt(BATCH_DELAY_MS + 200));
                }
                default -> {
                    // the server just took a batch: its answer in transit, parsed, or the removal committing
                    int accepted = emulator.receivedEventCount();
                    await(() -> emulator.receivedEventCount() > accepted, sync);
                    long micros = random.nextInt(AFTER_TAKEN_MAX_MICROS + 1);
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
                }
            }
            Result ended = sync.kill();
            boolean killed = ended.exitCode() == SIGKILLED;
            if (killed) {
                kills++;
            } else {
                finishedFirst++;
                assertThat(ended.exitCode()).as(ended.describe()).isZero();
            }

            List<String> queued = queuedIds(box);
            assertThat(queued).as(context + ": ids in the queue").doesNotHaveDuplicates();
            assertThat(enqueued).as(context + ": nothing in the queue that was not enqueued").containsAll(queued);
            Set<String> received = receivedIds();
            Set<String> neither = new HashSet<>(enqueued);
            neither.removeAll(queued);
            neither.removeAll(received);
            assertThat(neither).as(context + ": events neither queued nor received (lost)").isEmpty();
            Set<String> resend = queued.stream().filter(received::contains).collect(Collectors.toSet());
            if (killed) {
                landed.merge(landing(awaitingResend, resend, batchCalls, queuedBefore, queued.size()), 1,
                        Integer::sum);
            }
            awaitingResend = resend;
        }

        Result last = box.spawn(SYNC_ENABLED, "sync", "now", "--json").await();
        assertThat(last.exitCode()).as(last.describe()).isZero();
        assertThat(JsonDocuments.single(last.stdout()).isObject()).isTrue();
        assertThat(queuedIds(box)).as("queue after the final sync now").isEmpty();
        List<String> acceptedInOrder = emulator.receivedEvents().stream().map(ReceivedEvent::eventId).toList();
        assertThat(acceptedInOrder).as("accepted once each").doesNotHaveDuplicates();
        assertThat(new HashSet<>(acceptedInOrder)).as("every enqueued event reached the server").isEqualTo(enqueued);
        assertThat(emulator.receivedEvents()).as("bodies as enqueued").allSatisfy(received -> {
            assertThat(received.event()).containsEntry("event_type", "crash.test");
            assertThat(received.event().get("payload")).isEqualTo(Map.of("n", received.eventId()));
        });
        Map<String, Integer> redelivered = emulator.redeliveredEvents();
        assertThat(enqueued).containsAll(redelivered.keySet());
        assertThat(box.egress()).as("non-loopback lookups").isEmpty();
        System.out.printf("sync crash: kills=%d rounds=%d finished_before_kill=%d events_enqueued=%d "
                        + "received_by_server=%d lost=0 queue_duplicates=0 seen_twice_by_server=%d events "
                        + "(%d redeliveries) batch_calls=%d top_ups=%d seed=%d in %d s; kills landed:%s%n", kills,
                rounds, finishedFirst, enqueued.size(), acceptedInOrder.size(), redelivered.size(),
                redelivered.values().stream().mapToInt(Integer::intValue).sum(),
                emulator.counters().calls(Endpoint.EVENTS_BATCH), topUps, seed,
                (System.nanoTime() - started) / 1_000_000_000, describe(landed));
    }

    private static Landing landing(Set<String> awaitingResendBefore, Set<String> awaitingResend, long batchCalls,
            int queuedBefore, int queuedAfter) {
        if (!awaitingResendBefore.containsAll(awaitingResend)) {
            return Landing.ANSWERED_NOT_REMOVED; // the queue kept a batch the server took in this run
        }
        if (emulator.counters().calls(Endpoint.EVENTS_BATCH) == batchCalls) {
            return Landing.BEFORE_FIRST_BATCH;
        }
        return queuedAfter < queuedBefore ? Landing.AFTER_A_REMOVAL : Landing.BATCH_AT_SERVER;
    }

    private static String describe(Map<Landing, Integer> landed) {
        StringBuilder text = new StringBuilder();
        for (Landing landing : Landing.values()) {
            text.append(String.format("%n  %4d %s", landed.getOrDefault(landing, 0), landing.meaning));
        }
        return text.toString();
    }

    private static void enqueue(EmulatorSandbox box, Set<String> enqueued, String prefix, int count) throws Exception {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "crash-" + prefix + "-" + i).toList();
        Path file = box.sandbox.resolve("events-" + prefix + ".jsonl");
        Files.write(file, ids.stream()
                .map(id -> "{\"event_id\":\"" + id + "\",\"event_type\":\"crash.test\",\"payload\":{\"n\":\"" + id
                        + "\"}}").toList(), StandardCharsets.UTF_8);
        Result result = box.run("sync", "enqueue", "--file", file.toString(), "--json");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(JsonDocuments.single(result.stdout()).path("queued").asInt()).isEqualTo(count);
        enqueued.addAll(ids);
    }

    /** Every id in {@code queue.db}, read through the product's queue after SQLite's integrity check. */
    private static List<String> queuedIds(EmulatorSandbox box) throws Exception {
        Path home = CliProcess.specKittyHome(box.sandbox);
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(SqliteEventQueue.FILE_NAME));
                Statement statement = raw.createStatement();
                ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            assertThat(check.getString(1)).as("integrity of queue.db").isEqualTo("ok");
        }
        try (SqliteEventQueue queue = SqliteEventQueue.inHome(home, Clock.systemUTC())) {
            return queue.pending(0, Integer.MAX_VALUE).stream().map(PendingEvent::eventId).toList();
        }
    }

    private static Set<String> receivedIds() {
        return emulator.receivedEvents().stream().map(ReceivedEvent::eventId).collect(Collectors.toSet());
    }

    /** Until {@code condition} holds or the run ended (60 s at most). */
    private static void await(BooleanSupplier condition, CliProcess.Running sync) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && sync.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sync now reached no batch within 60 s");
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
