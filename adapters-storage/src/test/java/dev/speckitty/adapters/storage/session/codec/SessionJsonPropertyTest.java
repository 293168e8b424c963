package dev.speckitty.adapters.storage.session.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.support.Generate;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.testfixtures.SessionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session plaintext codec over generated input: every valid session (unicode, many or no
 * teams, null optionals) survives encode/decode, reference-style renderings (any offset, Z, naive,
 * a space separator, integral ids, absent optionals) decode to the same session, and any mutated or
 * arbitrary document either decodes to a session that round-trips or is refused with the typed
 * payload error whose message names a field at most, never content.
 */
class SessionJsonPropertyTest {

    private static final int SESSIONS = 200;
    private static final int MUTANTS = 400;
    private static final Pattern SAFE_DETAIL = Pattern.compile("it is not valid JSON|it is not a JSON object"
            + "|an entry of \"teams\" is not an object"
            + "|field \"[a-z_.\\[\\]]+\" is (missing|not a string|not an array|not a boolean|not an integer"
            + "|not an ISO-8601 timestamp)");
    private static final List<String> TIMESTAMPS = List.of("issued_at", "access_token_expires_at",
            "refresh_token_expires_at", "last_used_at");
    private static final AtomicInteger DECODED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    record Case(int index, StoredSession session, String rendering) {
        @Override
        public String toString() {
            return "case " + index;
        }
    }

    static Stream<Case> sessions() {
        Random random = Generate.random("session JSON round trip");
        return IntStream.range(0, SESSIONS).mapToObj(i -> {
            StoredSession session = session(random);
            return new Case(i, session, referenceStyle(random, session));
        });
    }

    static Stream<Case> mutants() {
        Random random = Generate.random("session JSON mutants");
        return IntStream.range(0, MUTANTS).mapToObj(i -> new Case(i, null, mutant(random, session(random))));
    }

    @AfterAll
    static void printTheFigures() {
        System.out.println("session JSON mutants: " + DECODED + " decoded to a valid session, " + REFUSED
                + " refused with a field-only message");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void aValidSessionSurvivesEncodeAndDecodeAndReferenceStyleRenderings(Case generated) throws Exception {
        StoredSession session = generated.session();
        String encoded = new String(SessionJson.encode(session), StandardCharsets.UTF_8);

        assertSameSession(SessionJson.decode(encoded), session);
        assertSameSession(SessionJson.decode(generated.rendering()), session);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void aMutatedDocumentDecodesToAValidSessionOrIsRefusedWithoutEchoingIt(Case generated) throws Exception {
        StoredSession decoded;
        try {
            decoded = SessionJson.decode(generated.rendering());
        } catch (InvalidSessionPayloadException refused) {
            assertThat(refused.getMessage()).as("a field name at most").matches(SAFE_DETAIL);
            assertThat(refused.getCause()).isNull();
            REFUSED.incrementAndGet();
            return;
        } catch (RuntimeException | Error other) {
            throw new AssertionError("only the typed payload error may escape, got " + other.getClass().getName()
                    + " for " + generated.rendering(), other);
        }
        String again = new String(SessionJson.encode(decoded), StandardCharsets.UTF_8);
        assertSameSession(SessionJson.decode(again), decoded);
        DECODED.incrementAndGet();
    }

    // ------------------------------------------------------------------------------- generators

    private static StoredSession session(Random random) {
        List<Team> teams = new ArrayList<>();
        for (int n = random.nextInt(6) == 0 ? 20 + random.nextInt(10) : random.nextInt(4); n > 0; n--) {
            teams.add(new Team(id(random), Generate.text(random, 20), Generate.oneOf(random,
                    List.of("owner", "member", "admin", Generate.text(random, 5))), random.nextBoolean()));
        }
        // One draw per field in record order, so a seed still names the same session.
        return SessionBuilder.aSession()
                .userId(id(random))
                .email(Generate.text(random, 10) + "@example.com")
                .name(Generate.text(random, 30))
                .teams(teams)
                .defaultTeamId(teams.isEmpty() ? id(random) : teams.get(random.nextInt(teams.size())).id())
                .accessToken("at_SENTINEL_" + Generate.text(random, 40))
                .refreshToken("rt_SENTINEL_" + Generate.text(random, 40))
                .sessionId(Generate.text(random, 16))
                .issuedAt(Generate.instant(random))
                .accessTokenExpiresAt(Generate.instant(random))
                .refreshTokenExpiresAt(random.nextInt(3) == 0 ? null : Generate.instant(random))
                .scope(Generate.oneOf(random, List.of("offline_access", "", Generate.text(random, 8))))
                .storageBackend(StoredSession.FILE_BACKEND)
                .lastUsedAt(Generate.instant(random))
                .authMethod(Generate.oneOf(random, List.of("authorization_code", "device_code", Generate.text(random, 6))))
                .generation(random.nextInt(3) == 0 ? null : random.nextLong())
                .build();
    }

    /** Ids are strings; all digits (no leading zero) may also be written as a JSON integer. */
    private static String id(Random random) {
        return random.nextBoolean() ? Long.toString(1 + (random.nextLong() >>> 1) % 1_000_000_000_000L)
                : Generate.word(random) + "_" + Generate.text(random, 6);
    }

    /** The same session as another writer might render it: other offsets, Z, naive, integral ids, absent nulls. */
    private static String referenceStyle(Random random, StoredSession session) {
        ObjectNode root = (ObjectNode) SessionJson.mapper().readTree(SessionJson.encode(session));
        for (String field : TIMESTAMPS) {
            JsonNode value = root.get(field);
            if (value.isNull()) {
                if (random.nextBoolean()) {
                    root.remove(field); // a legacy file without the key
                }
            } else {
                root.put(field, render(random, IsoTimestamps.parse(value.asString()).orElseThrow()));
            }
        }
        if (root.get("generation").isNull() && random.nextBoolean()) {
            root.remove("generation");
        }
        integral(random, root, "user_id");
        integral(random, root, "default_team_id");
        for (JsonNode team : root.get("teams")) {
            integral(random, (ObjectNode) team, "id");
            if (!team.get("is_private_teamspace").booleanValue() && random.nextBoolean()) {
                ((ObjectNode) team).remove("is_private_teamspace"); // the reference defaults it to false
            }
        }
        if (random.nextBoolean()) {
            root.put("unknown_future_field", Generate.text(random, 8));
        }
        return SessionJson.mapper().writeValueAsString(root);
    }

    private static void integral(Random random, ObjectNode node, String field) {
        String value = node.get(field).asString();
        if (value.matches("[1-9][0-9]{0,17}") && random.nextBoolean()) {
            node.put(field, Long.parseLong(value));
        }
    }

    private static String render(Random random, Instant instant) {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(145) - 72) * 15 * 60);
        return switch (random.nextInt(5)) {
            case 0 -> OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case 1 -> instant.toString(); // Z
            case 2 -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case 3 -> OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .replace('T', ' ');
            default -> OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .replaceFirst("([+-]\\d\\d):(\\d\\d)$", "$1$2"); // +0530
        };
    }

    /** One to three mutations of a valid document: fields removed, retyped or added, the root replaced, text cut. */
    private static String mutant(Random random, StoredSession session) {
        JsonNode root = SessionJson.mapper().readTree(SessionJson.encode(session));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            root = mutate(random, root);
        }
        String text = SessionJson.mapper().writeValueAsString(root);
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> {
                int at = random.nextInt(text.length() + 1);
                yield text.substring(0, at) + Generate.text(random, 3) + text.substring(at);
            }
            case 2 -> text + Generate.oneOf(random, List.of(" ", "x", "{}", "\n\n", ","));
            default -> text;
        };
    }

    private static JsonNode mutate(Random random, JsonNode root) {
        if (!(root instanceof ObjectNode object) || random.nextInt(15) == 0) {
            return Generate.json(random, 3); // an arbitrary document
        }
        List<String> fields = new ArrayList<>(object.propertyNames());
        String field = fields.isEmpty() ? "user_id" : Generate.oneOf(random, fields);
        switch (random.nextInt(5)) {
            case 0 -> object.remove(field);
            case 1 -> object.set(field, Generate.json(random, 2));
            case 2 -> object.set(Generate.text(random, 6), Generate.json(random, 2));
            case 3 -> object.put(Generate.oneOf(random, TIMESTAMPS), Generate.oneOf(random, List.of("2026-02-30T00:00:00Z",
                    "2026-04-09", "2026-04-09T25:00:00", "+999999999-12-31T23:59:59+18:00", "2026-04-09T13:37:00+24:00",
                    "1969-12-31T23:59:59.999999999-00:01", Generate.text(random, 25))));
            default -> {
                JsonNode teams = object.get("teams");
                if (teams instanceof ArrayNode array && !array.isEmpty()) {
                    JsonNode team = array.get(random.nextInt(array.size()));
                    if (team instanceof ObjectNode teamObject && random.nextBoolean()) {
                        teamObject.set(Generate.oneOf(random, List.of("id", "name", "role", "is_private_teamspace")),
                                Generate.json(random, 1));
                    } else {
                        array.set(random.nextInt(array.size()), Generate.json(random, 2));
                    }
                } else {
                    object.set("teams", Generate.json(random, 2));
                }
            }
        }
        return object;
    }

    /** StoredSession's equality leaves out the tokens' text; compare every field. */
    private static void assertSameSession(StoredSession actual, StoredSession expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("accessToken", "refreshToken").isEqualTo(expected);
        assertThat(actual.accessToken().reveal()).isEqualTo(expected.accessToken().reveal());
        assertThat(actual.refreshToken().reveal()).isEqualTo(expected.refreshToken().reveal());
    }
}
