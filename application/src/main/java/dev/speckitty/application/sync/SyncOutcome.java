package dev.speckitty.application.sync;

/** How {@code sync now} ended before or after sending. */
public sealed interface SyncOutcome {

    /** {@code SPEC_KITTY_ENABLE_SAAS_SYNC} is off: nothing was done, no network. */
    record Disabled() implements SyncOutcome {}

    /** Nothing queued. */
    record QueueEmpty() implements SyncOutcome {}

    /** Events were classified (sent, or failed locally before any HTTP). */
    record Completed(SyncReport report) implements SyncOutcome {}
}
