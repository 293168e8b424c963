package dev.speckitty.domain.sync;

import java.util.Objects;

/** One locally queued event: its id and its JSON body as the ingress expects it. */
public record QueuedEvent(String eventId, String json) {

    public QueuedEvent {
        Objects.requireNonNull(eventId, "event id");
        Objects.requireNonNull(json, "event json");
    }
}
