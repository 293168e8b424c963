package dev.speckitty.emulator.state;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Event ids seen by batch ingress (for duplicate detection) and the events accepted, in order. */
public final class EventLedger {

    private final Clock clock;
    private final Set<String> seenIds = new HashSet<>();
    private final List<ReceivedEvent> accepted = new ArrayList<>();

    public EventLedger(Clock clock) {
        this.clock = clock;
    }

    /** True when the id is new (the event is stored); false for a duplicate. */
    public synchronized boolean accept(String teamSlug, String eventId, Map<String, Object> event) {
        if (!seenIds.add(eventId)) {
            return false;
        }
        accepted.add(new ReceivedEvent(teamSlug, eventId, event, clock.instant()));
        return true;
    }

    public synchronized List<ReceivedEvent> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized void clear() {
        seenIds.clear();
        accepted.clear();
    }
}
