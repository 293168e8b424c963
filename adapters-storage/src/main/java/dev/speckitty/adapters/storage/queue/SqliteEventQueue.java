package dev.speckitty.adapters.storage.queue;

import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local event queue in {@code $SPEC_KITTY_HOME/queue.db} (SQLite, see docs/storage.md).
 * Construction does no I/O; the database is opened on first use and kept open until
 * {@link #close()}. Reading a queue that does not exist yet creates nothing. Each enqueue and
 * remove is one transaction, so a killed process leaves all of it or none of it. Thread-safe.
 */
public final class SqliteEventQueue implements EventQueue, AutoCloseable {

    public static final String FILE_NAME = "queue.db";
    /** How long a process waits for another one's write transaction before giving up. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** Ids per {@code DELETE … IN (…)}, well under SQLite's bound-parameter limit. */
    private static final int REMOVE_CHUNK = 500;

    private final SqliteQueueFile file;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;

    public SqliteEventQueue(Path databaseFile, Clock clock) {
        this.file = new SqliteQueueFile(databaseFile);
        this.clock = clock;
    }

    /** The queue of a spec-kitty home: {@code <home>/queue.db}. */
    public static SqliteEventQueue inHome(Path speckittyHome, Clock clock) {
        return new SqliteEventQueue(speckittyHome.resolve(FILE_NAME), clock);
    }

    public Path path() {
        return file.path();
    }

    /**
     * Appends the events in one transaction. An id already queued is ignored, and so is a repeated
     * id within {@code events}: the first occurrence wins.
     */
    @Override
    public void enqueue(List<QueuedEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String enqueuedAt = clock.instant().toString();
        write("enqueue events", connection -> SqliteTransactions.immediate(connection, () -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO events (event_id, json, enqueued_at) VALUES (?, ?, ?)")) {
                for (QueuedEvent event : events) {
                    insert.setString(1, event.eventId());
                    insert.setString(2, event.json());
                    insert.setString(3, enqueuedAt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        }));
    }

    @Override
    public List<PendingEvent> pending(long afterPosition, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return read("read queued events", List.of(), connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT position, event_id, json FROM events WHERE position > ? ORDER BY position LIMIT ?")) {
                select.setLong(1, afterPosition);
                select.setInt(2, limit);
                List<PendingEvent> page = new ArrayList<>(Math.min(limit, 1024));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(new PendingEvent(rows.getLong(1),
                                new QueuedEvent(rows.getString(2), rows.getString(3))));
                    }
                }
                return page;
            }
        });
    }

    /** Removes the events with these ids in one transaction; unknown ids are ignored. */
    @Override
    public void remove(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(eventIds);
        read("remove events", null, connection -> SqliteTransactions.immediate(connection, () -> {
            for (int from = 0; from < ids.size(); from += REMOVE_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + REMOVE_CHUNK));
                String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM events WHERE event_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        delete.setString(i + 1, chunk.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            return null;
        }));
    }

    @Override
    public long size() {
        return read("count queued events", 0L, connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM events")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException failed) {
            throw SqliteFailures.of("close the event queue", file.path(), failed);
        } finally {
            connection = null;
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface Use<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Use of a queue that does not exist yet answers {@code absent} and creates nothing. */
    private <T> T read(String operation, T absent, Use<T> use) {
        lock.lock();
        try {
            if (connection == null && !file.exists()) {
                return absent;
            }
            return use.on(connection());
        } catch (SQLException failed) {
            throw SqliteFailures.of(operation, file.path(), failed);
        } finally {
            lock.unlock();
        }
    }

    private void write(String operation, Use<?> use) {
        lock.lock();
        try {
            use.on(connection());
        } catch (SQLException failed) {
            throw SqliteFailures.of(operation, file.path(), failed);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = file.open();
        }
        return connection;
    }
}
