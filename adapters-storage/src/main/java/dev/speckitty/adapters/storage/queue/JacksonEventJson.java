package dev.speckitty.adapters.storage.queue;

import dev.speckitty.domain.port.EventJson;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@link EventJson} with Jackson: objects are written back compactly, in their own member order. */
public final class JacksonEventJson implements EventJson {

    /** Built on first use: the command registry builds this adapter for every one-shot (docs/performance.md). */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    @Override
    public Optional<Value> parse(String text) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.of(new Value(false, Optional.empty(), ""));
        }
        JsonNode id = node.path("event_id");
        return Optional.of(new Value(true, id.isString() ? Optional.of(id.asString()) : Optional.empty(),
                Json.MAPPER.writeValueAsString(node)));
    }

    @Override
    public String newEvent(String eventId, String eventType, String createdAt, Value payload) {
        if (!payload.object()) {
            throw new IllegalArgumentException("an event payload is a JSON object");
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("event_id", eventId);
        event.put("event_type", eventType);
        event.put("created_at", createdAt);
        event.set("payload", Json.MAPPER.readTree(payload.compact()));
        return Json.MAPPER.writeValueAsString(event);
    }
}
