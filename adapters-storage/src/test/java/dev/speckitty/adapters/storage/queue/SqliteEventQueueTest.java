package dev.speckitty.adapters.storage.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.adapters.storage.support.FileState;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteEventQueueTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final List<SqliteEventQueue> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteEventQueue::close);
    }

    private SqliteEventQueue queue() {
        SqliteEventQueue queue = SqliteEventQueue.inHome(home, CLOCK);
        opened.add(queue);
        return queue;
    }

    private Path database() {
        return home.resolve("queue.db");
    }

    static QueuedEvent event(String id) {
        return new QueuedEvent(id, "{\"event_id\":\"" + id + "\",\"payload\":\"é\\n✓\"}");
    }

    static List<QueuedEvent> events(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> event(prefix + i)).toList();
    }

    private static List<String> ids(List<PendingEvent> page) {
        return page.stream().map(PendingEvent::eventId).toList();
    }

    @Test
    void enqueuedEventsComeBackOldestFirstWithTheirJsonIntact() {
        SqliteEventQueue queue = queue();
        queue.enqueue(List.of(event("b"), event("a")));
        queue.enqueue(List.of(new QueuedEvent("c", "{\"multi\":\"line\\n\",\"quote\":\"'\"}\n")));

        List<PendingEvent> page = queue.pending(0, 10);

        assertThat(ids(page)).containsExactly("b", "a", "c");
        assertThat(page.get(0).event()).isEqualTo(event("b"));
        assertThat(page.get(2).event().json()).isEqualTo("{\"multi\":\"line\\n\",\"quote\":\"'\"}\n");
        assertThat(page).extracting(PendingEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void pagingAfterThePreviousPagesLastPositionVisitsEveryEventOnce() {
        SqliteEventQueue queue = queue();
        queue.enqueue(events("e", 25));

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long after = 0;
        for (List<PendingEvent> page = queue.pending(after, 10); !page.isEmpty(); page = queue.pending(after, 10)) {
            seen.addAll(ids(page));
            pageSizes.add(page.size());
            after = page.getLast().position();
        }

        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).isEqualTo(events("e", 25).stream().map(QueuedEvent::eventId).toList());
        assertThat(queue.size()).as("paging does not remove").isEqualTo(25);
    }

    @Test
    void anIdAlreadyQueuedOrRepeatedInTheInputIsQueuedOnceAndTheFirstBodyWins() {
        SqliteEventQueue queue = queue();
        queue.enqueue(List.of(new QueuedEvent("a", "{\"v\":1}"), event("b"), new QueuedEvent("a", "{\"v\":2}")));
        long positionOfA = queue.pending(0, 10).getFirst().position();

        queue.enqueue(List.of(new QueuedEvent("a", "{\"v\":3}"), event("c")));

        List<PendingEvent> page = queue.pending(0, 10);
        assertThat(ids(page)).containsExactly("a", "b", "c");
        assertThat(page.getFirst().event().json()).isEqualTo("{\"v\":1}");
        assertThat(page.getFirst().position()).isEqualTo(positionOfA);
        assertThat(queue.size()).isEqualTo(3);
    }

    @Test
    void removeDeletesOnlyTheNamedEventsAndPositionsAreNeverReused() {
        SqliteEventQueue queue = queue();
        queue.enqueue(events("e", 5));
        long lastPosition = queue.pending(0, 10).getLast().position();

        queue.remove(List.of("e1", "e4", "unknown"));
        assertThat(ids(queue.pending(0, 10))).containsExactly("e0", "e2", "e3");
        assertThat(queue.size()).isEqualTo(3);

        queue.enqueue(List.of(event("e4"))); // removed ids may be queued again, after everything else
        assertThat(queue.pending(0, 10).getLast().position()).isGreaterThan(lastPosition);
        queue.remove(List.of());
        assertThat(queue.size()).isEqualTo(4);
    }

    @Test
    void removingMoreIdsThanOneStatementTakesRemovesThemAll() {
        SqliteEventQueue queue = queue();
        queue.enqueue(events("e", 1234));
        List<String> all = ids(queue.pending(0, 2000));

        queue.remove(all.subList(0, 1233));

        assertThat(ids(queue.pending(0, 10))).containsExactly("e1233");
    }

    @Test
    void eventsSurviveClosingAndReopening() {
        SqliteEventQueue first = queue();
        first.enqueue(events("e", 3));
        first.close();

        SqliteEventQueue second = queue();
        assertThat(ids(second.pending(0, 10))).containsExactly("e0", "e1", "e2");
        second.remove(List.of("e0"));
        second.close();

        assertThat(ids(queue().pending(0, 10))).containsExactly("e1", "e2");
    }

    @Test
    void usingAQueueThatDoesNotExistCreatesNothing() {
        Path missingHome = home.resolve("missing");
        SqliteEventQueue queue = SqliteEventQueue.inHome(missingHome, CLOCK);
        opened.add(queue);

        assertThat(queue.size()).isZero();
        assertThat(queue.pending(0, 10)).isEmpty();
        queue.remove(List.of("a"));
        queue.enqueue(List.of());

        assertThat(missingHome).doesNotExist();
    }

    @Test
    void theQueueIsCreatedOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        Path missingHome = home.resolve("new-home");
        SqliteEventQueue queue = SqliteEventQueue.inHome(missingHome, CLOCK);
        opened.add(queue);

        queue.enqueue(List.of(event("a")));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(missingHome))).isEqualTo("rwx------");
        for (String name : List.of("queue.db", "queue.db-wal", "queue.db-shm")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(missingHome.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + missingHome.resolve("queue.db"));
                Statement statement = raw.createStatement()) {
            assertThat(statement.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
            assertThat(statement.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(QueueSchema.VERSION);
            assertThat(statement.executeQuery("SELECT enqueued_at FROM events").getString(1))
                    .isEqualTo("2026-05-01T10:00:00Z");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsReportedClearlyAndLeftUntouched() throws Exception {
        Files.writeString(database(), "this is not a database, but it might be someone's only copy of events\n"
                .repeat(100), StandardCharsets.UTF_8);
        FileState before = FileState.of(database());

        assertThatThrownBy(() -> queue().size())
                .isInstanceOf(EventQueueException.class)
                .hasMessageContaining(database().toString())
                .hasMessageContaining("not a readable spec-kitty event queue")
                .hasMessageContaining("left untouched")
                .hasMessageContaining("mv " + database() + " " + database() + ".broken");
        assertThatThrownBy(() -> queue().enqueue(List.of(event("a")))).isInstanceOf(EventQueueException.class);

        assertThat(FileState.of(database())).isEqualTo(before);
        assertThat(home.resolve("queue.db-wal")).doesNotExist();
        assertThat(home.resolve("queue.db-shm")).doesNotExist();
    }

    @Test
    void aTruncatedQueueIsReportedAsUnreadable() throws Exception {
        SqliteEventQueue queue = queue();
        queue.enqueue(events("e", 3000));
        queue.close();
        byte[] bytes = Files.readAllBytes(database());
        byte[] damaged = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        for (int i = 4096; i < damaged.length; i += 97) {
            damaged[i] = (byte) 0xA5; // scribble over the b-tree pages, keep the header
        }
        Files.write(database(), damaged);

        assertThatThrownBy(() -> {
            SqliteEventQueue reopened = queue();
            reopened.size();
            reopened.pending(0, 5000);
        }).isInstanceOf(EventQueueException.class).hasMessageContaining("not a readable spec-kitty event queue");
    }

    /** Issue 10: a queue others may write could hold events planted by someone else, sent with our token. */
    @Test
    void aQueueOthersCanWriteOrAnotherUserOwnsIsRefusedUntouchedWithTheFix() throws Exception {
        SqliteEventQueue mine = queue();
        mine.enqueue(List.of(event("a")));
        mine.close();
        java.nio.file.attribute.PosixFileAttributeView view = Files.getFileAttributeView(database(),
                java.nio.file.attribute.PosixFileAttributeView.class);
        view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        FileState before = FileState.of(database());

        assertThatThrownBy(() -> queue().size())
                .isInstanceOf(EventQueueException.class)
                .hasMessageContaining(database() + " is writable by group or others (mode=0666)")
                .hasMessageContaining("chmod 600 " + database());
        assertThat(FileState.of(database())).isEqualTo(before);

        if (dev.speckitty.adapters.storage.files.ProcessUser.uid() == 0) { // only root can give a file away
            view.setPermissions(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.setAttribute(database(), "unix:uid", 4242);
            assertThatThrownBy(() -> queue().enqueue(List.of(event("b"))))
                    .isInstanceOf(EventQueueException.class)
                    .hasMessageContaining(database() + " is owned by uid 4242")
                    .hasMessageContaining("chown 0 " + database());
        }
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database());
                Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
            statement.execute("INSERT INTO notes VALUES ('keep me')");
        }
        FileState before = FileState.of(database());

        assertThatThrownBy(() -> queue().enqueue(List.of(event("a"))))
                .isInstanceOf(EventQueueException.class)
                .hasMessageContaining("not a spec-kitty event queue")
                .hasMessageContaining(database().toString());
        assertThat(FileState.of(database())).isEqualTo(before);
    }

    @Test
    void aQueueFromANewerSchemaIsRefused() throws Exception {
        SqliteEventQueue queue = queue();
        queue.enqueue(List.of(event("a")));
        queue.close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database());
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = 2");
        }

        assertThatThrownBy(() -> queue().size())
                .isInstanceOf(EventQueueException.class)
                .hasMessageContaining("newer spec-kitty");
    }

    @Test
    void aNonPositiveLimitIsAProgrammingError() {
        assertThatThrownBy(() -> queue().pending(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Timeout(120)
    void tenThousandEventsAreQueuedPagedAndRemovedQuickly() {
        SqliteEventQueue queue = queue();
        List<QueuedEvent> all = IntStream.range(0, 10_000)
                .mapToObj(i -> new QueuedEvent("evt-" + i, "{\"event_id\":\"evt-" + i + "\",\"body\":\""
                        + "x".repeat(200) + "\"}"))
                .toList();

        long started = System.nanoTime();
        for (int from = 0; from < all.size(); from += 1000) {
            queue.enqueue(all.subList(from, from + 1000));
        }
        long enqueued = System.nanoTime();
        int seen = 0;
        for (List<PendingEvent> page = queue.pending(0, 1000); !page.isEmpty(); page = queue.pending(0, 1000)) {
            seen += page.size();
            queue.remove(ids(page));
        }
        long drained = System.nanoTime();

        assertThat(seen).isEqualTo(10_000);
        assertThat(queue.size()).isZero();
        long enqueueMillis = (enqueued - started) / 1_000_000;
        long drainMillis = (drained - enqueued) / 1_000_000;
        System.err.printf("queue benchmark: 10000 events enqueued in %d ms (10 transactions),"
                + " paged and removed in %d ms (10 pages)%n", enqueueMillis, drainMillis);
        assertThat(enqueueMillis + drainMillis).isLessThan(20_000);

        queue.close();
        long opening = System.nanoTime();
        SqliteEventQueue reopened = queue();
        assertThat(reopened.size()).isZero();
        System.err.printf("queue benchmark: open + size() of an existing queue in %d ms%n",
                (System.nanoTime() - opening) / 1_000_000);
    }
}
