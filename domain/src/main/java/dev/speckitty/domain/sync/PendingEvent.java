package dev.speckitty.domain.sync;

import java.util.Objects;

/** A queued event with its position in the queue (oldest first), so a drain can page past it. */
public record PendingEvent(long position, QueuedEvent event) {

    public PendingEvent {
        Objects.requireNonNull(event, "event");
    }

    public String eventId() {
        return event.eventId();
    }
}
