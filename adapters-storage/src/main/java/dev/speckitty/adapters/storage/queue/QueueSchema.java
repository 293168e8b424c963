package dev.speckitty.adapters.storage.queue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The queue's tables, versioned with {@code PRAGMA user_version} and marked as ours with
 * {@code PRAGMA application_id}, so a future migration knows where it starts and a foreign
 * database is refused rather than written into.
 */
final class QueueSchema {

    static final int VERSION = 1;
    /** "SKTQ": spec-kitty queue. */
    static final int APPLICATION_ID = 0x534B5451;

    private QueueSchema() {}

    /**
     * Reads (never writes) whether the schema is current: true when it is, false when it must be
     * created; throws for a foreign, newer or unreadable database, before anything is written.
     */
    static boolean verify(Connection connection, Path database) throws SQLException {
        return check(connection, database);
    }

    /** Creates the schema in an immediate transaction, so concurrent first users create it once. */
    static void create(Connection connection, Path database) throws SQLException {
        SqliteTransactions.immediate(connection, () -> {
            if (!check(connection, database)) { // another process may have created it meanwhile
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("""
                            CREATE TABLE IF NOT EXISTS events (
                                position    INTEGER PRIMARY KEY AUTOINCREMENT,
                                event_id    TEXT    NOT NULL UNIQUE,
                                json        TEXT    NOT NULL,
                                enqueued_at TEXT    NOT NULL
                            )""");
                    statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                    statement.executeUpdate("PRAGMA user_version = " + VERSION);
                }
            }
            return null;
        });
    }

    /** True when the schema is current; false when it must be created; throws for anything else. */
    private static boolean check(Connection connection, Path database) throws SQLException {
        int version = pragma(connection, "user_version");
        int application = pragma(connection, "application_id");
        if (application != 0 && application != APPLICATION_ID) {
            throw SqliteFailures.foreign(database, "application id " + Integer.toHexString(application));
        }
        if (version == VERSION && application == APPLICATION_ID) {
            return true;
        }
        if (version > VERSION) {
            throw new EventQueueException(database + " was written by a newer spec-kitty (queue schema " + version
                    + ", this one knows " + VERSION + "). Use that version to send the queued events, or move the"
                    + " file aside to start an empty queue.");
        }
        if (version != 0 || hasForeignTables(connection)) {
            throw SqliteFailures.foreign(database, "unexpected tables or schema version " + version);
        }
        return false;
    }

    private static boolean hasForeignTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                        + " AND name NOT IN ('events', 'sqlite_sequence')")) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
