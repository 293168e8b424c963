package dev.speckitty.testfixtures;

import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The event queue in memory, ordered by position as the durable queue is: an event id already queued
 * is not queued twice, and positions only grow.
 */
public final class InMemoryEventQueue implements EventQueue {

    private final TreeMap<Long, QueuedEvent> events = new TreeMap<>();
    private final Set<String> queuedIds = new HashSet<>();
    private long nextPosition = 1;
    private int enqueueCalls;

    @Override
    public synchronized void enqueue(List<QueuedEvent> batch) {
        enqueueCalls++;
        for (QueuedEvent event : batch) {
            if (queuedIds.add(event.eventId())) {
                events.put(nextPosition++, event);
            }
        }
    }

    @Override
    public synchronized List<PendingEvent> pending(long afterPosition, int limit) {
        return events.tailMap(afterPosition, false).entrySet().stream().limit(limit)
                .map(entry -> new PendingEvent(entry.getKey(), entry.getValue())).toList();
    }

    @Override
    public synchronized void remove(Collection<String> eventIds) {
        events.values().removeIf(event -> eventIds.contains(event.eventId()));
        queuedIds.removeAll(eventIds);
    }

    @Override
    public synchronized long size() {
        return events.size();
    }

    /** The queued events, oldest first. */
    public synchronized List<QueuedEvent> events() {
        return List.copyOf(events.values());
    }

    /** How many times {@link #enqueue} was called: a caller that queues all or nothing calls it once. */
    public synchronized int enqueueCalls() {
        return enqueueCalls;
    }
}
