package dev.speckitty.adapters.storage.queue;

import dev.speckitty.adapters.storage.files.IoProblems;
import dev.speckitty.adapters.storage.files.OwnerOnlyFiles;
import dev.speckitty.adapters.storage.files.SharedFileCheck;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Opens {@code queue.db}: created empty with mode 0600 before SQLite sees it (SQLite gives its
 * {@code -wal} and {@code -shm} files the same mode), a busy timeout, a read-only check that the
 * file is ours, then WAL journal, {@code synchronous=FULL} and the schema if it is new.
 *
 * <p>WAL lets readers and one writer work at once across processes. {@code synchronous=FULL}
 * fsyncs the WAL at every commit, so a committed enqueue survives a power loss as well as a
 * killed process (NORMAL would survive the killed process only); a commit here is one
 * {@code enqueue} or {@code remove} call, so the cost is one fsync per call.
 */
final class SqliteQueueFile {

    private final Path database;

    SqliteQueueFile(Path database) {
        this.database = database.toAbsolutePath();
    }

    Path path() {
        return database;
    }

    boolean exists() {
        return Files.exists(database);
    }

    Connection open() {
        refuseUnsafe();
        createOwnerOnly();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) SqliteEventQueue.BUSY_TIMEOUT.toMillis());
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + database);
        } catch (SQLException failed) {
            throw SqliteFailures.of("open the event queue", database, failed);
        }
        try {
            boolean current = QueueSchema.verify(connection, database); // refuses a foreign file unchanged
            useWriteAheadLog(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = FULL");
            }
            if (!current) {
                QueueSchema.create(connection, database);
            }
            return connection;
        } catch (SQLException failed) {
            closeAfterFailure(connection, failed);
            throw SqliteFailures.of("open the event queue", database, failed);
        } catch (EventQueueException refused) {
            closeAfterFailure(connection, refused);
            throw refused;
        }
    }

    /** The journal mode is stored in the file: switch once, and only read it afterwards. */
    private static void useWriteAheadLog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!"wal".equals(journalMode(statement, "PRAGMA journal_mode"))) {
                String mode = journalMode(statement, "PRAGMA journal_mode = WAL");
                if (!"wal".equals(mode)) {
                    throw new SQLException("the queue database refused WAL mode (journal mode " + mode + ")");
                }
            }
        }
    }

    private static String journalMode(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1).toLowerCase(Locale.ROOT) : "";
        }
    }

    /**
     * Another user's queue, or one group or others may write, could hold events planted by someone
     * else that we would send with our token: refused before SQLite opens it, and so is its WAL.
     */
    private void refuseUnsafe() {
        for (Path file : List.of(database, Path.of(database + "-wal"))) {
            Optional<SharedFileCheck.Refusal> refusal;
            try {
                refusal = SharedFileCheck.inspect(file);
            } catch (IOException unreadable) {
                throw new EventQueueException("Could not check the event queue file " + file + ": "
                        + IoProblems.describe(unreadable) + ".", unreadable);
            }
            if (refusal.isPresent()) {
                throw new EventQueueException("Event queue: " + refusal.get().message());
            }
        }
    }

    private void createOwnerOnly() {
        try {
            Path directory = database.getParent();
            if (!Files.isDirectory(directory)) {
                if (OwnerOnlyFiles.isPosix()) {
                    Files.createDirectories(directory,
                            PosixFilePermissions.asFileAttribute(OwnerOnlyFiles.DIRECTORY_MODE));
                } else {
                    Files.createDirectories(directory);
                }
            }
            OwnerOnlyFiles.writeNew(database, new byte[0]); // SQLite reads an empty file as an empty database
        } catch (FileAlreadyExistsException present) {
            // the usual case; never touch an existing queue before SQLite has checked it
        } catch (IOException failed) {
            throw new EventQueueException("Could not create the event queue " + database + ": "
                    + failed.getClass().getSimpleName() + ". Make sure its directory is writable.", failed);
        }
    }

    private static void closeAfterFailure(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
