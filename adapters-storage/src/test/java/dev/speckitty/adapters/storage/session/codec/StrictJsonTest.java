package dev.speckitty.adapters.storage.session.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.adapters.storage.session.codec.StrictJson.JsonNumber;
import dev.speckitty.adapters.storage.session.codec.StrictJson.MalformedJsonException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * StrictJson held to Jackson, a reader we did not write: on random documents both read the same
 * values, and on random mutations of them both accept or both refuse (and then agree again).
 */
class StrictJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** A \\u escape with a non-ASCII character among its four digits. */
    private static final java.util.regex.Pattern LAX_HEX_ESCAPE = java.util.regex.Pattern.compile("\\\\u[0-9a-fA-F]{0,3}[^\\x00-\\x7f]");
    private static final String MUTATION_CHARS = "{}[]\",:\\ \t\n\r\u000btfnrue0123456789.eE+-/*'aNI\u0000\u001f\u00e9";

    @Test
    void randomDocumentsReadAsJacksonReadsThem() throws Exception {
        Random random = new Random(20261206L);
        for (int i = 0; i < 3000; i++) {
            String document = JACKSON.writeValueAsString(randomValue(random, 0));
            // the expected side first: its NumberValue compares itself with a JsonNumber
            assertThat(jacksonModel(document)).as("document %d: %s", i, visible(document))
                    .isEqualTo(StrictJson.parse(document));
        }
    }

    @Test
    void mutatedDocumentsAreAcceptedOrRefusedAsByJackson() throws Exception {
        Random random = new Random(61202026L);
        int refused = 0;
        int laxEscapes = 0;
        for (int i = 0; i < 30000; i++) {
            String document = mutate(JACKSON.writeValueAsString(randomValue(random, 0)), random);
            Object expected = jacksonModelOrRefusal(document);
            Object actual;
            try {
                actual = StrictJson.parse(document);
            } catch (MalformedJsonException refusal) {
                actual = REFUSED;
                refused++;
            }
            if (actual == REFUSED && expected != REFUSED && LAX_HEX_ESCAPE.matcher(document).find()) {
                laxEscapes++; // Jackson reads "\\u00e9" with a non-ASCII digit by its low byte; the RFC and Python refuse it
                continue;
            }
            assertThat(expected).as("mutation %d: %s", i, visible(document)).isEqualTo(actual);
        }
        assertThat(refused).as("the mutations also produce invalid documents").isGreaterThan(5000);
        assertThat(laxEscapes).as("documents set aside for Jackson's lax \\u digits").isLessThan(100);
    }

    @Test
    void quotedStringsReadBackExactly() throws Exception {
        Random random = new Random(7L);
        for (int i = 0; i < 3000; i++) {
            String text = randomString(random);
            String quoted = StrictJson.quote(text);
            assertThat(JACKSON.readTree(quoted).stringValue()).as("Jackson reads %s", visible(quoted)).isEqualTo(text);
            assertThat(StrictJson.parse(quoted)).isEqualTo(text);
        }
    }

    @Test
    void readsWhatPythonWrites() throws Exception {
        // json.dumps output (ensure_ascii): escaped non-ASCII, a surrogate pair, integers and a float
        String python = "{\"name\": \"Jos\\u00e9 \\ud83d\\ude00\", \"ids\": [1, -0, 12345678901234567890],"
                + " \"at\": 1796572800.123456, \"ok\": true, \"none\": null}";
        Map<?, ?> root = (Map<?, ?>) StrictJson.parse(python);
        assertThat(root.get("name")).isEqualTo("José 😀");
        List<?> ids = (List<?>) root.get("ids");
        assertThat(((JsonNumber) ids.get(0)).longValue()).hasValue(1);
        assertThat(((JsonNumber) ids.get(1)).integerDigits()).isEqualTo("0");
        assertThat(((JsonNumber) ids.get(2)).longValue()).isEmpty();
        assertThat(((JsonNumber) ids.get(2)).integerDigits()).isEqualTo("12345678901234567890");
        assertThat(((JsonNumber) root.get("at")).doubleValue()).isEqualTo(1796572800.123456);
        assertThat(root.get("ok")).isEqualTo(true);
        assertThat(root.containsKey("none")).isTrue();
        assertThat(root.get("none")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\":1,}", "[1,]", "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity",
            "'a'", "{a:1}", "[1] [2]", "\"\\x\"", "\"\\u12g4\"", "\"\\u00\"", "\"tab\tinside\"", "tru", "nul",
            "// c\n1", "[1 2]", "{\"a\" 1}", "\"unterminated"})
    void refusesWhatJacksonRefuses(String document) {
        assertThat(jacksonModelOrRefusal(document)).isEqualTo(REFUSED);
        assertThatThrownBy(() -> StrictJson.parse(document)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void refusesNonAsciiDigitsInAnEscapeThatJacksonTakes() {
        String document = "\"\\u00\u0661\u0663\""; // Arabic-Indic one and three: Jackson reads them as a, c
        assertThat(jacksonModelOrRefusal(document)).isNotEqualTo(REFUSED);
        assertThatThrownBy(() -> StrictJson.parse(document)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void nestingIsLimited() throws Exception {
        String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertThat(StrictJson.parse(deepest)).isInstanceOf(List.class);
        String tooDeep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> StrictJson.parse(tooDeep)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nested deeper than");
        String hostile = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> StrictJson.parse(hostile)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void aRefusalNeverQuotesTheDocument() {
        String secret = "{\"access_token\": \"sk-live-SECRET-0123\" oops}";
        assertThatThrownBy(() -> StrictJson.parse(secret))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageNotContaining("SECRET")
                .hasMessageContaining("offset");
    }

    // ------------------------------------------------------------------------------------------

    private static final Object REFUSED = new Object() {
        @Override
        public String toString() {
            return "<refused>";
        }
    };

    private static Object jacksonModelOrRefusal(String document) {
        try {
            Object model = jacksonModel(document);
            return model == MISSING ? REFUSED : model;
        } catch (JacksonException refusal) {
            return REFUSED;
        }
    }

    private static final Object MISSING = new Object();

    /** Jackson's tree in StrictJson's model, numbers compared by value. */
    private static Object jacksonModel(String document) {
        JsonNode root = JACKSON.readTree(document);
        if (root == null || root.isMissingNode()) {
            return MISSING;
        }
        return model(root);
    }

    private static Object model(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), model(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(model(element)));
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return new NumberValue(node.bigIntegerValue().toString(), true);
        }
        return new NumberValue(Double.toString(node.doubleValue()), false);
    }

    /** A number by value: StrictJson keeps the literal, so both sides are compared normalised. */
    private record NumberValue(String value, boolean integral) {
        @Override
        public boolean equals(Object other) {
            if (other instanceof JsonNumber number) {
                return number.integral() == integral && (integral
                        ? number.integerDigits().equals(value)
                        : Double.toString(number.doubleValue()).equals(value));
            }
            return other instanceof NumberValue that && that.value.equals(value) && that.integral == integral;
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> randomString(random);
            case 3 -> randomInteger(random);
            case 4 -> random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
                    : -random.nextDouble();
            case 5 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static Object randomInteger(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(100) - 50;
            case 1 -> random.nextLong();
            default -> new BigInteger(70 + random.nextInt(60), random).negate();
        };
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20)); // controls: escaped by the writer
                case 1 -> text.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(50)); // a surrogate pair
                case 3 -> text.append((char) (0x80 + random.nextInt(0x2000)));
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** The document with every non-ASCII or control character as a \\u escape, for failure messages. */
    private static String visible(String document) {
        StringBuilder out = new StringBuilder();
        document.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String mutate(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            char c = MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length()));
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!text.isEmpty()) {
                        text.deleteCharAt(at);
                    }
                }
                case 1 -> text.insert(at, c);
                default -> {
                    if (!text.isEmpty()) {
                        text.setCharAt(at, c);
                    }
                }
            }
        }
        return text.toString();
    }
}
