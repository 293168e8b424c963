package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.SyncNow;
import dev.speckitty.application.sync.SyncProgress;
import java.io.PrintWriter;

/**
 * The progress of a long {@code sync now} drain on a terminal: one stderr line rewritten after
 * every batch ({@code Sending: 14000/30000 events (46%)}), erased when the drain ends, so stdout
 * keeps only the summary. Runs of a single batch show nothing.
 */
public final class DrainProgressLine implements SyncProgress {

    private final PrintWriter err;

    public DrainProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void batchDone(long processed, long total) {
        if (total <= SyncNow.BATCH_SIZE) {
            return;
        }
        if (processed >= total) {
            err.print("\r" + " ".repeat(60) + "\r");
        } else {
            err.printf("\rSending: %d/%d events (%d%%)  ", processed, total, processed * 100 / total);
        }
        err.flush();
    }
}
