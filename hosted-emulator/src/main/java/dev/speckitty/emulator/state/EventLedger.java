package dev.speckitty.emulator.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event ids seen by batch ingress (for duplicate detection), the events accepted, in order, and how
 * often an id already seen came again.
 */
public final class EventLedger {

    private final Clock clock;
    private final Set<String> seenIds = new HashSet<>();
    private final List<ReceivedEvent> accepted = new ArrayList<>();
    private final Map<String, Integer> redelivered = new HashMap<>();

    public EventLedger(Clock clock) {
        this.clock = clock;
    }

    /** True when the id is new (the event is stored); false for a duplicate. */
    public synchronized boolean accept(String teamSlug, String eventId, Map<String, Object> event) {
        if (!seenIds.add(eventId)) {
            redelivered.merge(eventId, 1, Integer::sum);
            return false;
        }
        accepted.add(new ReceivedEvent(teamSlug, eventId, event, clock.instant()));
        return true;
    }

    public synchronized int acceptedCount() {
        return accepted.size();
    }

    public synchronized List<ReceivedEvent> accepted() {
        return List.copyOf(accepted);
    }

    /** Id → how many times it came again after it was accepted (answered {@code duplicate}). */
    public synchronized Map<String, Integer> redelivered() {
        return Map.copyOf(redelivered);
    }

    public synchronized void clear() {
        seenIds.clear();
        accepted.clear();
        redelivered.clear();
    }
}
