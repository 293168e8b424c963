package dev.speckitty.emulator.state;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event as batch ingress accepted it, for tests that check what a client sent. */
public record ReceivedEvent(String teamSlug, String eventId, Map<String, Object> event, Instant receivedAt) {

    public ReceivedEvent {
        // Not Map.copyOf: event JSON may carry null values.
        event = Collections.unmodifiableMap(new LinkedHashMap<>(event));
    }
}
