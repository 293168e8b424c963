package dev.speckitty.adapters.storage.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Write transactions that take SQLite's write lock up front ({@code BEGIN IMMEDIATE}), so a
 * concurrent writer waits in the busy handler instead of failing when it upgrades a read lock.
 * Run on a connection in auto-commit mode (the driver's own transaction handling would begin the
 * next transaction right after each commit and hold the write lock meanwhile).
 */
final class SqliteTransactions {

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private SqliteTransactions() {}

    static <T> T immediate(Connection connection, Work<T> work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            T result;
            try {
                result = work.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException failed) { // broad-catch: roll back on any failure, then rethrow it unchanged
                rollback(statement, failed);
                throw failed;
            }
            return result;
        }
    }

    private static void rollback(Statement statement, Exception failed) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException alreadyEnded) {
            // SQLite ends some failed transactions itself; the original failure is what matters
            failed.addSuppressed(alreadyEnded);
        }
    }
}
