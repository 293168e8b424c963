package dev.speckitty.domain.port;

import java.util.Optional;

/** The JSON text of queued events: read one value, or write a new event. Text only, no I/O. */
public interface EventJson {

    /** {@code text} as one JSON value; empty when it is not valid JSON. */
    Optional<Value> parse(String text);

    /** A new event object {@code {event_id, event_type, created_at, payload}} as compact JSON. */
    String newEvent(String eventId, String eventType, String createdAt, Value payload);

    /**
     * One parsed value.
     *
     * @param eventId the top-level {@code event_id} when the value is an object and that member is a string
     * @param compact the value written back compactly (what the queue stores); empty for a non-object
     */
    record Value(boolean object, Optional<String> eventId, String compact) {}
}
