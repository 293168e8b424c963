package dev.speckitty.adapters.storage.queue;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns an SQLite failure into an {@link EventQueueException} that says what happened and what to do. */
final class SqliteFailures {

    // Primary SQLite result codes (the low byte of an extended code).
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteFailures() {}

    static EventQueueException of(String operation, Path database, SQLException failure) {
        return switch (failure.getErrorCode() & 0xff) {
            case SQLITE_CORRUPT, SQLITE_NOTADB -> unreadable(database, failure);
            case SQLITE_BUSY, SQLITE_LOCKED -> new EventQueueException("Could not " + operation + ": " + database
                    + " stayed locked by another spec-kitty process for longer than "
                    + SqliteEventQueue.BUSY_TIMEOUT.toSeconds() + " s. Retry when that process has finished.",
                    failure);
            case SQLITE_CANTOPEN -> new EventQueueException("Could not " + operation + ": cannot open " + database
                    + ". Make sure it is a regular file and that you can read and write it and its directory.",
                    failure);
            case SQLITE_READONLY -> new EventQueueException("Could not " + operation + ": " + database
                    + " is read-only. Make sure you can write it and its directory.", failure);
            case SQLITE_FULL -> new EventQueueException("Could not " + operation + ": the disk holding " + database
                    + " is full. Free some space and retry.", failure);
            default -> new EventQueueException("Could not " + operation + " in " + database + " (SQLite error "
                    + failure.getErrorCode() + ").", failure);
        };
    }

    static EventQueueException unreadable(Path database, Throwable cause) {
        return new EventQueueException(database + " is not a readable spec-kitty event queue (corrupt, or not an"
                + " SQLite database). It was left untouched so no queued event is lost. Move it aside (for example: mv "
                + database + " " + database + ".broken) and spec-kitty starts a new, empty queue.", cause);
    }

    static EventQueueException foreign(Path database, String why) {
        return new EventQueueException(database + " is an SQLite database but not a spec-kitty event queue (" + why
                + "). It was left untouched. Move it aside (for example: mv " + database + " " + database
                + ".other) and spec-kitty starts a new, empty queue.");
    }
}
