package dev.speckitty.adapters.storage.session.codec;

import dev.speckitty.adapters.storage.session.codec.StrictJson.JsonNumber;
import dev.speckitty.adapters.storage.session.codec.StrictJson.MalformedJsonException;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session plaintext: a flat JSON object with the reference CLI's field names, mapped by hand so
 * that no bean introspection ever touches a {@link Secret}. Written with Jackson, read with
 * {@link StrictJson} (a one-shot's read path does not pay for Jackson's start-up).
 */
public final class SessionJson {

    /** Built on first use: reading a session never needs it. */
    private static final class Writer {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private SessionJson() {}

    public static JsonMapper mapper() {
        return Writer.MAPPER;
    }

    public static byte[] encode(StoredSession session) {
        ObjectNode root = mapper().createObjectNode();
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
        return mapper().writeValueAsBytes(root);
    }

    public static StoredSession decode(String plaintext) throws InvalidSessionPayloadException {
        if (plaintext.isBlank()) {
            throw new InvalidSessionPayloadException("it is not a JSON object");
        }
        Object document;
        try {
            document = StrictJson.parse(plaintext);
        } catch (MalformedJsonException notJson) {
            throw new InvalidSessionPayloadException("it is not valid JSON"); // never quotes the plaintext
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new InvalidSessionPayloadException("it is not a JSON object");
        }
        return new StoredSession(
                identifier(root, "user_id", "user_id"),
                text(root, "email", "email"),
                text(root, "name", "name"),
                teams(root),
                identifier(root, "default_team_id", "default_team_id"),
                Secret.of(text(root, "access_token", "access_token")),
                Secret.of(text(root, "refresh_token", "refresh_token")),
                text(root, "session_id", "session_id"),
                timestamp(root, "issued_at"),
                timestamp(root, "access_token_expires_at"),
                optionalTimestamp(root, "refresh_token_expires_at"),
                text(root, "scope", "scope"),
                text(root, "storage_backend", "storage_backend"),
                timestamp(root, "last_used_at"),
                text(root, "auth_method", "auth_method"),
                optionalLong(root, "generation"));
    }

    private static List<Team> teams(Map<?, ?> root) throws InvalidSessionPayloadException {
        if (!(required(root, "teams", "teams") instanceof List<?> teams)) {
            throw new InvalidSessionPayloadException("field \"teams\" is not an array");
        }
        List<Team> result = new ArrayList<>(teams.size());
        for (Object entry : teams) {
            if (!(entry instanceof Map<?, ?> team)) {
                throw new InvalidSessionPayloadException("an entry of \"teams\" is not an object");
            }
            // the reference defaults a missing flag to false
            Object privateFlag = team.get("is_private_teamspace");
            if (privateFlag != null && !(privateFlag instanceof Boolean)) {
                throw new InvalidSessionPayloadException("field \"teams[].is_private_teamspace\" is not a boolean");
            }
            boolean isPrivate = Boolean.TRUE.equals(privateFlag);
            result.add(new Team(identifier(team, "id", "teams[].id"), text(team, "name", "teams[].name"),
                    text(team, "role", "teams[].role"), isPrivate));
        }
        return result;
    }

    /** The field's value; JSON null counts as missing. */
    private static Object required(Map<?, ?> node, String field, String label) throws InvalidSessionPayloadException {
        Object value = node.get(field);
        if (value == null) {
            throw new InvalidSessionPayloadException("field \"" + label + "\" is missing");
        }
        return value;
    }

    private static String text(Map<?, ?> node, String field, String label) throws InvalidSessionPayloadException {
        if (!(required(node, field, label) instanceof String value)) {
            throw new InvalidSessionPayloadException("field \"" + label + "\" is not a string");
        }
        return value;
    }

    /** Ids are strings in the reference; an integral id from an older server is kept as its digits. */
    private static String identifier(Map<?, ?> node, String field, String label)
            throws InvalidSessionPayloadException {
        if (required(node, field, label) instanceof JsonNumber number && number.integral()) {
            return number.integerDigits();
        }
        return text(node, field, label);
    }

    private static Instant timestamp(Map<?, ?> node, String field) throws InvalidSessionPayloadException {
        return IsoTimestamps.parse(text(node, field, field)).orElseThrow(
                () -> new InvalidSessionPayloadException("field \"" + field + "\" is not an ISO-8601 timestamp"));
    }

    /** Null (or absent, in legacy files) means "never known to be expired". */
    private static Instant optionalTimestamp(Map<?, ?> node, String field) throws InvalidSessionPayloadException {
        return node.get(field) == null ? null : timestamp(node, field);
    }

    private static Long optionalLong(Map<?, ?> node, String field) throws InvalidSessionPayloadException {
        Object value = node.get(field);
        if (value == null) {
            return null;
        }
        OptionalLong integer = value instanceof JsonNumber number ? number.longValue() : OptionalLong.empty();
        return integer.orElseThrow(() -> new InvalidSessionPayloadException("field \"" + field + "\" is not an integer"));
    }
}
