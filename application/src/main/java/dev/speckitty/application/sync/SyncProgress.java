package dev.speckitty.application.sync;

/** Told after every batch of a drain, so a long {@code sync now} can show how far it got. */
@FunctionalInterface
public interface SyncProgress {

    SyncProgress NONE = (processed, total) -> { };

    /** {@code processed} of {@code total} queued events have an outcome (sent, duplicate or failed). */
    void batchDone(long processed, long total);
}
