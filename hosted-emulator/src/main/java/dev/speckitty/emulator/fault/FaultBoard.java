package dev.speckitty.emulator.fault;

import dev.speckitty.emulator.Endpoint;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Faults queued per endpoint. The head of an endpoint's queue applies to the next call; a fault with
 * {@code times} leaves the queue once used up, so "429 once, then 500 twice, then normal" is three adds.
 */
public final class FaultBoard {

    private final Map<Endpoint, Deque<Remaining>> queues = new EnumMap<>(Endpoint.class);

    public synchronized void add(Endpoint endpoint, Fault fault) {
        queues.computeIfAbsent(endpoint, ignored -> new ArrayDeque<>())
                .addLast(new Remaining(fault, fault.times() == null ? -1 : fault.times()));
    }

    /** The fault for this call, if any, using up one of its remaining times. */
    public synchronized Optional<Fault> take(Endpoint endpoint) {
        Deque<Remaining> queue = queues.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return Optional.empty();
        }
        Remaining head = queue.peekFirst();
        if (head.left > 0 && --head.left == 0) {
            queue.removeFirst();
        }
        return Optional.of(head.fault);
    }

    public synchronized void clear(Endpoint endpoint) {
        queues.remove(endpoint);
    }

    public synchronized void clear() {
        queues.clear();
    }

    /** Active faults by endpoint key, with how many uses remain (-1: until cleared). */
    public synchronized Map<String, List<Map<String, Object>>> describe() {
        Map<String, List<Map<String, Object>>> described = new LinkedHashMap<>();
        queues.forEach((endpoint, queue) -> {
            if (!queue.isEmpty()) {
                described.put(endpoint.key(), queue.stream().map(Remaining::describe).toList());
            }
        });
        return described;
    }

    private static final class Remaining {
        private final Fault fault;
        private int left;

        Remaining(Fault fault, int left) {
            this.fault = fault;
            this.left = left;
        }

        Map<String, Object> describe() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", fault.status());
            json.put("delay_ms", fault.delayMs());
            json.put("drop_connection", fault.dropConnection());
            json.put("delay_response_ms", fault.responseDelayMs());
            json.put("remaining", left);
            return json;
        }
    }
}
