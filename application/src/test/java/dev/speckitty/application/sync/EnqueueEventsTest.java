package dev.speckitty.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.EventJson;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.testfixtures.InMemoryEventQueue;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sync enqueue's event rules; the JSON reading itself is JacksonEventJson's (tested in adapters-storage). */
class EnqueueEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final ScriptedJson json = new ScriptedJson();
    private final EnqueueEvents enqueue = new EnqueueEvents(queue, json, new MutableClock(NOW));

    @Test
    void oneEventGetsANewIdTheTimeAndAnEmptyPayload() {
        EnqueueEvents.Result result = enqueue.one("mission.started", Optional.empty(), Optional.empty());

        assertThat(result).isEqualTo(new EnqueueEvents.Result.Queued(1, 1));
        QueuedEvent event = queue.events().getFirst();
        assertThat(event.eventId()).matches("[0-9a-f-]{36}");
        assertThat(event.json()).isEqualTo("event(" + event.eventId() + ",mission.started,2026-12-06T12:00:00Z,{})");
    }

    @Test
    void aPayloadMustBeAJsonObject() {
        json.values.put("[1]", new EventJson.Value(false, Optional.empty(), ""));

        assertThat(enqueue.one("t", Optional.of("e-1"), Optional.of("[1]")))
                .isEqualTo(new EnqueueEvents.Result.Rejected("--payload must be a JSON object"));
        assertThat(enqueue.one("t", Optional.of("e-1"), Optional.of("{oops")))
                .isEqualTo(new EnqueueEvents.Result.Rejected("--payload: not valid JSON"));
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void anEventOverTheLimitIsRefused() {
        String big = "{" + "x".repeat(EnqueueEvents.MAX_EVENT_BYTES) + "}";
        json.values.put(big, new EventJson.Value(true, Optional.empty(), big));
        String line = "line-too-big";
        json.values.put(line, new EventJson.Value(true, Optional.of("e-1"), big));

        assertThat(enqueue.one("t", Optional.of("e-1"), Optional.of(big)))
                .isEqualTo(new EnqueueEvents.Result.Rejected("--payload: event larger than 262144 bytes"));
        assertThat(enqueue.fromLines("events.jsonl", List.of(line).iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("events.jsonl line 1: event larger than 262144 bytes"));
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void linesAreQueuedTogetherSkippingBlankLines() {
        event("a", "e-1");
        event("b", "e-2");

        EnqueueEvents.Result result = enqueue.fromLines("-", List.of("a", "  ", "b").iterator());

        assertThat(result).isEqualTo(new EnqueueEvents.Result.Queued(2, 2));
        assertThat(queue.events()).containsExactly(new QueuedEvent("e-1", "compact:a"), new QueuedEvent("e-2", "compact:b"));
        assertThat(queue.enqueueCalls()).isEqualTo(1);
    }

    @Test
    void oneBadLineQueuesNoneAndNamesItsLine() {
        event("a", "e-1");
        json.values.put("no-id", new EventJson.Value(true, Optional.empty(), "compact:no-id"));
        json.values.put("blank-id", new EventJson.Value(true, Optional.of(" "), "compact:blank-id"));
        json.values.put("array", new EventJson.Value(false, Optional.empty(), ""));
        String shape = ": each line must be a JSON object with a string event_id";

        assertThat(enqueue.fromLines("-", List.of("a", "", "no-id").iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("stdin line 3" + shape));
        assertThat(enqueue.fromLines("f.jsonl", List.of("blank-id").iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("f.jsonl line 1" + shape));
        assertThat(enqueue.fromLines("f.jsonl", List.of("a", "array").iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("f.jsonl line 2" + shape));
        assertThat(enqueue.fromLines("f.jsonl", List.of("a", "{broken").iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("f.jsonl line 2: not valid JSON"));
        assertThat(queue.events()).isEmpty();
    }

    @Test
    void theFirstBadLineStopsTheReading() {
        List<String> read = new ArrayList<>();
        var lines = List.of("{broken", "never-read").stream().peek(read::add).iterator();

        enqueue.fromLines("f.jsonl", lines);

        assertThat(read).containsExactly("{broken");
    }

    @Test
    void noEventsIsAnError() {
        assertThat(enqueue.fromLines("-", List.of("", " ").iterator()))
                .isEqualTo(new EnqueueEvents.Result.Rejected("no events found in -"));
    }

    private void event(String line, String id) {
        json.values.put(line, new EventJson.Value(true, Optional.of(id), "compact:" + line));
    }

    /** Answers what each test scripts; anything else is not valid JSON. */
    private static final class ScriptedJson implements EventJson {
        final Map<String, Value> values = new HashMap<>(Map.of("{}", new Value(true, Optional.empty(), "{}")));

        @Override
        public Optional<Value> parse(String text) {
            return Optional.ofNullable(values.get(text));
        }

        @Override
        public String newEvent(String eventId, String eventType, String createdAt, Value payload) {
            return "event(" + eventId + "," + eventType + "," + createdAt + "," + payload.compact() + ")";
        }
    }
}
