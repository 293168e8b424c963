package dev.speckitty.adapters.storage.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.support.ChildJvm;
import dev.speckitty.domain.sync.PendingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The queue shared by real OS processes (separate JVMs running {@link QueueProcessMain}). */
class SqliteEventQueueProcessTest {

    private static final int WRITERS = 4;
    private static final int PER_WRITER = 500;

    @TempDir
    Path home;

    @Test
    @Timeout(180)
    void concurrentWritersAndDrainersNeitherLoseNorDuplicateAnEvent() throws Exception {
        // No queue.db yet: the six processes also race to create it.
        Path stop = home.resolve("stop");
        List<ChildJvm> writers = new ArrayList<>();
        List<ChildJvm> drainers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int w = 0; w < WRITERS; w++) {
                // writer w queues w-0 .. w-499 in batches of 10; writers 0,1 are drained by drainer A, 2,3 by B
                String prefix = (w < 2 ? "a" : "b") + w + "-";
                writers.add(ChildJvm.start(QueueProcessMain.class, home.resolve("writer" + w + ".err"), "write",
                        home.toString(), prefix, String.valueOf(PER_WRITER), "10"));
            }
            for (String prefix : List.of("a", "b")) {
                drainers.add(ChildJvm.start(QueueProcessMain.class, home.resolve("drainer-" + prefix + ".err"),
                        "drain", home.toString(), prefix, stop.toString()));
            }
            for (ChildJvm writer : writers) {
                assertThat(writer.finish(120)).containsExactly("DONE");
            }
            Files.createFile(stop);
            List<String> removed = new ArrayList<>();
            for (ChildJvm drainer : drainers) {
                List<String> lines = drainer.finish(120);
                assertThat(lines).last().isEqualTo("STOPPED");
                lines.stream().filter(line -> line.startsWith("REMOVED ")).map(line -> line.substring(8))
                        .forEach(removed::add);
            }
            System.err.printf("queue processes: %d writers x %d events + %d drainers in %d ms%n", WRITERS, PER_WRITER,
                    drainers.size(), (System.nanoTime() - started) / 1_000_000);

            Set<String> expected = new HashSet<>();
            for (int w = 0; w < WRITERS; w++) {
                for (int i = 0; i < PER_WRITER; i++) {
                    expected.add((w < 2 ? "a" : "b") + w + "-" + i);
                }
            }
            assertThat(removed).doesNotHaveDuplicates().hasSize(WRITERS * PER_WRITER);
            assertThat(new HashSet<>(removed)).isEqualTo(expected);

            try (SqliteEventQueue queue = SqliteEventQueue.inHome(home, Clock.systemUTC())) {
                List<PendingEvent> left = queue.pending(0, 10_000);
                assertThat(queue.size()).isEqualTo(QueueProcessMain.SHARED);
                assertThat(left).extracting(PendingEvent::eventId)
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, QueueProcessMain.SHARED)
                                .mapToObj(i -> "shared-" + i).toList());
                assertThat(left).allSatisfy(pending ->
                        assertThat(pending.event()).isEqualTo(QueueProcessMain.event(pending.eventId())));
            }
            for (ChildJvm child : writers) {
                assertThat(child.stderrText()).doesNotContain("Exception");
            }
        } finally {
            for (ChildJvm child : writers) {
                child.close();
            }
            for (ChildJvm child : drainers) {
                child.close();
            }
        }
    }

    @RepeatedTest(5)
    @Timeout(60)
    void aWriterKilledMidWayLeavesEveryCommittedBatchWholeAndNoPartialOne() throws Exception {
        try (SqliteEventQueue seed = SqliteEventQueue.inHome(home, Clock.systemUTC())) {
            seed.enqueue(List.of(QueueProcessMain.event("before-crash")));
        }
        int killAfter = ThreadLocalRandom.current().nextInt(20, 300);
        List<String> printed;
        try (ChildJvm writer = ChildJvm.start(QueueProcessMain.class, home.resolve("loop.err"), "loop",
                home.toString())) {
            writer.awaitLine("COMMITTED " + killAfter, 60);
            printed = writer.kill(); // SIGKILL, most likely in the middle of a transaction
        }
        int lastReported = printed.stream().filter(line -> line.startsWith("COMMITTED "))
                .mapToInt(line -> Integer.parseInt(line.substring(10))).max().orElseThrow();

        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("queue.db"));
                Statement statement = raw.createStatement();
                ResultSet check = statement.executeQuery("PRAGMA integrity_check")) {
            assertThat(check.getString(1)).isEqualTo("ok");
        }
        try (SqliteEventQueue queue = SqliteEventQueue.inHome(home, Clock.systemUTC())) {
            List<PendingEvent> all = queue.pending(0, Integer.MAX_VALUE);
            assertThat(all.getFirst().eventId()).isEqualTo("before-crash");
            assertThat(all).allSatisfy(pending ->
                    assertThat(pending.event()).isEqualTo(QueueProcessMain.event(pending.eventId())));
            Map<Integer, Long> perBatch = all.stream().skip(1)
                    .collect(Collectors.groupingBy(p -> Integer.parseInt(p.eventId().split("-")[1]), HashMap::new,
                            Collectors.counting()));
            assertThat(perBatch.values()).as("no partial batch").allMatch(n -> n == QueueProcessMain.LOOP_BATCH);
            int batches = perBatch.size();
            assertThat(batches).as("every reported commit is there, at most the one being reported may be extra")
                    .isBetween(lastReported + 1, lastReported + 2);
            assertThat(perBatch.keySet()).isEqualTo(IntStream.range(0, batches).boxed().collect(Collectors.toSet()));
            System.err.printf("queue crash: killed after COMMITTED %d, found %d whole batches%n", lastReported,
                    batches);
            queue.enqueue(List.of(QueueProcessMain.event("after-crash")));
            assertThat(queue.size()).isEqualTo(1 + (long) batches * QueueProcessMain.LOOP_BATCH + 1);
        }
    }
}
