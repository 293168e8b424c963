package dev.speckitty.adapters.hosted.http;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object from a response body (Jackson 3), with lenient typed field access. Every accessor
 * answers "absent" for a missing field or a value of the wrong type, so callers decide the message
 * and malformed shapes never surface as a ClassCastException or NullPointerException.
 */
public final class JsonBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonNode node;

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** The object in {@code text}; empty when the text is not JSON or not a JSON object. */
    public static Optional<JsonBody> parseObject(String text) {
        return parse(text).filter(JsonNode::isObject).map(JsonBody::new);
    }

    /** Any JSON value in {@code text}; empty when the text is not JSON. */
    public static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode parsed = MAPPER.readTree(text);
            return parsed == null || parsed.isMissingNode() ? Optional.empty() : Optional.of(parsed);
        } catch (JacksonException e) {
            return Optional.empty(); // deliberately dropped: the parser message quotes the body
        }
    }

    public static JsonBody wrap(JsonNode objectNode) {
        if (!objectNode.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return new JsonBody(objectNode);
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String field) {
        return node.get(field);
    }

    /** A string field; empty when absent, null or not a string. */
    public Optional<String> string(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** A non-blank string field. */
    public Optional<String> nonBlankString(String field) {
        return string(field).filter(s -> !s.isBlank());
    }

    /** A string or an integral number, as text (ids are sometimes numbers). */
    public Optional<String> idText(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isString()) {
            return Optional.of(value.asString()).filter(s -> !s.isBlank());
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(Long.toString(value.asLong()));
        }
        return Optional.empty();
    }

    /**
     * An integer field given as a JSON integer, an integral float such as {@code 3600.0}, or a
     * decimal string; empty when absent or anything else.
     */
    public Optional<Long> integer(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Optional.of(value.asLong()) : Optional.empty();
        }
        if (value.isFloatingPointNumber()) {
            double d = value.asDouble();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Optional.of((long) d) : Optional.empty();
        }
        if (value.isString() && value.asString().strip().matches("-?\\d{1,15}")) {
            return Optional.of(Long.parseLong(value.asString().strip()));
        }
        return Optional.empty();
    }

    /** A boolean field; empty when absent or not a JSON boolean. */
    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? Optional.of(value.asBoolean()) : Optional.empty();
    }

    /** The object as compact JSON, for keyword scans only: never put it in a message. */
    public String rendered() {
        return node.toString();
    }

    @Override
    public String toString() {
        return "JsonBody[redacted]";
    }
}
