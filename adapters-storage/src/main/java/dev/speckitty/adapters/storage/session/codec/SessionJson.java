package dev.speckitty.adapters.storage.session.codec;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session plaintext: a flat JSON object with the reference CLI's field names, mapped by hand so
 * that no bean introspection ever touches a {@link Secret}.
 */
public final class SessionJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SessionJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(StoredSession session) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("user_id", session.userId());
        root.put("email", session.email());
        root.put("name", session.name());
        ArrayNode teams = root.putArray("teams");
        for (Team team : session.teams()) {
            teams.addObject()
                    .put("id", team.id())
                    .put("name", team.name())
                    .put("role", team.role())
                    .put("is_private_teamspace", team.privateTeamspace());
        }
        root.put("default_team_id", session.defaultTeamId());
        root.put("access_token", session.accessToken().reveal());
        root.put("refresh_token", session.refreshToken().reveal());
        root.put("session_id", session.sessionId());
        root.put("issued_at", IsoTimestamps.format(session.issuedAt()));
        root.put("access_token_expires_at", IsoTimestamps.format(session.accessTokenExpiresAt()));
        if (session.refreshTokenExpiresAt() == null) {
            root.putNull("refresh_token_expires_at");
        } else {
            root.put("refresh_token_expires_at", IsoTimestamps.format(session.refreshTokenExpiresAt()));
        }
        root.put("scope", session.scope());
        root.put("storage_backend", session.storageBackend());
        root.put("last_used_at", IsoTimestamps.format(session.lastUsedAt()));
        root.put("auth_method", session.authMethod());
        if (session.generation() == null) {
            root.putNull("generation");
        } else {
            root.put("generation", session.generation().longValue());
        }
        return MAPPER.writeValueAsBytes(root);
    }

    public static StoredSession decode(String plaintext) throws InvalidSessionPayloadException {
        JsonNode root;
        try {
            root = MAPPER.readTree(plaintext);
        } catch (JacksonException notJson) {
            // the parser's message may quote the plaintext, so it is dropped
            throw new InvalidSessionPayloadException("it is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSessionPayloadException("it is not a JSON object");
        }
        return new StoredSession(
                identifier(root, "user_id"),
                text(root, "email"),
                text(root, "name"),
                teams(root),
                identifier(root, "default_team_id"),
                Secret.of(text(root, "access_token")),
                Secret.of(text(root, "refresh_token")),
                text(root, "session_id"),
                timestamp(root, "issued_at"),
                timestamp(root, "access_token_expires_at"),
                optionalTimestamp(root, "refresh_token_expires_at"),
                text(root, "scope"),
                text(root, "storage_backend"),
                timestamp(root, "last_used_at"),
                text(root, "auth_method"),
                optionalLong(root, "generation"));
    }

    private static List<Team> teams(JsonNode root) throws InvalidSessionPayloadException {
        JsonNode teams = required(root, "teams");
        if (!teams.isArray()) {
            throw new InvalidSessionPayloadException("field \"teams\" is not an array");
        }
        List<Team> result = new ArrayList<>(teams.size());
        for (JsonNode team : teams) {
            if (!team.isObject()) {
                throw new InvalidSessionPayloadException("an entry of \"teams\" is not an object");
            }
            // the reference defaults a missing flag to false
            JsonNode privateFlag = team.get("is_private_teamspace");
            boolean absent = privateFlag == null || privateFlag.isNull();
            if (!absent && !privateFlag.isBoolean()) {
                throw new InvalidSessionPayloadException("field \"teams[].is_private_teamspace\" is not a boolean");
            }
            boolean isPrivate = !absent && privateFlag.booleanValue();
            result.add(new Team(identifier(team, "id", "teams[].id"), text(team, "name", "teams[].name"),
                    text(team, "role", "teams[].role"), isPrivate));
        }
        return result;
    }

    private static JsonNode required(JsonNode node, String field) throws InvalidSessionPayloadException {
        return required(node, field, field);
    }

    private static JsonNode required(JsonNode node, String field, String label)
            throws InvalidSessionPayloadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidSessionPayloadException("field \"" + label + "\" is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String field) throws InvalidSessionPayloadException {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String label) throws InvalidSessionPayloadException {
        JsonNode value = required(node, field, label);
        if (!value.isString()) {
            throw new InvalidSessionPayloadException("field \"" + label + "\" is not a string");
        }
        return value.stringValue();
    }

    /** Ids are strings in the reference; an integral id from an older server is kept as its digits. */
    private static String identifier(JsonNode node, String field) throws InvalidSessionPayloadException {
        return identifier(node, field, field);
    }

    private static String identifier(JsonNode node, String field, String label)
            throws InvalidSessionPayloadException {
        JsonNode value = required(node, field, label);
        if (value.isIntegralNumber()) {
            return value.asString();
        }
        return text(node, field, label);
    }

    private static Instant timestamp(JsonNode node, String field) throws InvalidSessionPayloadException {
        String text = text(node, field);
        return IsoTimestamps.parse(text).orElseThrow(
                () -> new InvalidSessionPayloadException("field \"" + field + "\" is not an ISO-8601 timestamp"));
    }

    /** Null (or absent, in legacy files) means "never known to be expired". */
    private static Instant optionalTimestamp(JsonNode node, String field) throws InvalidSessionPayloadException {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : timestamp(node, field);
    }

    private static Long optionalLong(JsonNode node, String field) throws InvalidSessionPayloadException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidSessionPayloadException("field \"" + field + "\" is not an integer");
        }
        return value.longValue();
    }
}
