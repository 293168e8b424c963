package dev.speckitty.domain.port;

import dev.speckitty.domain.sync.QueuedEvent;
import java.util.Collection;
import java.util.List;

/** The crash-safe local queue shared by concurrent processes. */
public interface EventQueue {

    void enqueue(List<QueuedEvent> events);

    /** The oldest events, without removing them. */
    List<QueuedEvent> peek(int limit);

    /** Remove events the server accepted (synced or duplicate). */
    void remove(Collection<String> eventIds);

    long size();
}
