package dev.speckitty.application.sync;

import dev.speckitty.domain.port.EventJson;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.sync.QueuedEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code sync enqueue}: add events to the local queue, one built from its parts or many from JSON
 * Lines. All or nothing: the first bad line rejects the lot and nothing is queued.
 */
public final class EnqueueEvents {

    static final int MAX_EVENT_BYTES = 256 * 1024;

    /** What happened to the events. */
    public sealed interface Result {

        record Queued(int queued, long queueSize) implements Result {}

        /** Nothing queued; {@code reason} names the bad input and where it is. */
        record Rejected(String reason) implements Result {}
    }

    private final EventQueue queue;
    private final EventJson json;
    private final Clock clock;

    public EnqueueEvents(EventQueue queue, EventJson json, Clock clock) {
        this.queue = queue;
        this.json = json;
        this.clock = clock;
    }

    /**
     * One event, created now.
     *
     * @param eventId empty for a new UUID
     * @param payload a JSON object; empty for {@code {}}
     */
    public Result one(String eventType, Optional<String> eventId, Optional<String> payload) {
        String id = eventId.orElseGet(() -> UUID.randomUUID().toString());
        String createdAt = clock.instant().toString();
        Optional<EventJson.Value> body = json.parse(payload.orElse("{}"));
        if (body.isEmpty()) {
            return new Result.Rejected("--payload: not valid JSON");
        }
        if (!body.get().object()) {
            return new Result.Rejected("--payload must be a JSON object");
        }
        String event = json.newEvent(id, eventType, createdAt, body.get());
        if (event.length() > MAX_EVENT_BYTES) {
            return tooLarge("--payload");
        }
        return queue(List.of(new QueuedEvent(id, event)));
    }

    /**
     * Events from JSON Lines, one object with a string {@code event_id} per line; blank lines are skipped.
     *
     * @param source the file as the user named it, {@code -} for stdin
     */
    public Result fromLines(String source, Iterator<String> lines) {
        String name = "-".equals(source) ? "stdin" : source;
        List<QueuedEvent> events = new ArrayList<>();
        int number = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = name + " line " + number;
            Optional<EventJson.Value> value = json.parse(line);
            if (value.isEmpty()) {
                return new Result.Rejected(where + ": not valid JSON");
            }
            Optional<String> id = value.get().eventId().filter(eventId -> !eventId.isBlank());
            if (!value.get().object() || id.isEmpty()) {
                return new Result.Rejected(where + ": each line must be a JSON object with a string event_id");
            }
            if (value.get().compact().length() > MAX_EVENT_BYTES) {
                return tooLarge(where);
            }
            events.add(new QueuedEvent(id.get(), value.get().compact()));
        }
        if (events.isEmpty()) {
            return new Result.Rejected("no events found in " + source);
        }
        return queue(events);
    }

    private Result queue(List<QueuedEvent> events) {
        queue.enqueue(events);
        return new Result.Queued(events.size(), queue.size());
    }

    private static Result tooLarge(String where) {
        return new Result.Rejected(where + ": event larger than " + MAX_EVENT_BYTES + " bytes");
    }
}
