package dev.speckitty.domain.port;

import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.domain.sync.QueuedEvent;
import java.util.Collection;
import java.util.List;

/**
 * The local event queue: durable across crashes and shared by concurrent processes. An event
 * leaves the queue only when the server accepted it (synced or duplicate).
 */
public interface EventQueue {

    /** Append events; an event id already queued is not queued twice. */
    void enqueue(List<QueuedEvent> events);

    /** Up to {@code limit} events after {@code afterPosition}, oldest first, without removing them. */
    List<PendingEvent> pending(long afterPosition, int limit);

    /** Remove events the server accepted. */
    void remove(Collection<String> eventIds);

    long size();
}
