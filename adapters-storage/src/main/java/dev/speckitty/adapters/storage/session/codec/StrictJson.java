package dev.speckitty.adapters.storage.session.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259), and string quoting, for the small documents every one-shot reads: the session envelope,
 * the session payload and the hot-path record. Jackson writes them and reads everything else; it is
 * not used here because its first parse costs a one-shot about 60 ms of CPU before the first byte:
 * databind's start-up (date formats, calendar and locale data) and, through jackson-core's parser base
 * class, {@code java.math.BigDecimal}'s static initialiser, which computes 5^65536 on JDK 25
 * (docs/performance.md, "Profiled on a quiet machine").
 *
 * <p>Values: {@code null}, {@link Boolean}, {@link String}, {@link JsonNumber}, {@code List<Object>}
 * and {@code Map<String, Object>} (in document order; a repeated key keeps its last value, as Jackson
 * and Python do). Refused like Jackson's default reader refuses them: comments, single quotes, NaN and
 * Infinity, leading zeros, trailing commas, anything after the value, raw control characters in a
 * string; and, beyond Jackson, nesting deeper than {@value #MAX_DEPTH}. StrictJsonTest holds it to
 * Jackson on random and mutated documents.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private StrictJson(String text) {
        this.text = text;
    }

    /** The one value of {@code text}. The exception names an offset, never the content (it may be secret). */
    public static Object parse(String text) throws MalformedJsonException {
        StrictJson reader = new StrictJson(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.malformed("content after the value");
        }
        return value;
    }

    /** {@code text} as a JSON string literal: quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private Object value(int depth) throws MalformedJsonException {
        if (position >= text.length()) {
            throw malformed("the document ends where a value should be");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || isDigit(c)) {
                    yield number();
                }
                throw malformed("no JSON value starts here");
            }
        };
    }

    private Map<String, Object> object(int depth) throws MalformedJsonException {
        checkDepth(depth);
        position++; // '{'
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            if (peek() != '"') {
                throw malformed("an object key must be a string");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw malformed("expected ',' or '}'");
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) throws MalformedJsonException {
        checkDepth(depth);
        position++; // '['
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                throw malformed("expected ',' or ']'");
            }
            skipWhitespace();
        }
    }

    private String string() throws MalformedJsonException {
        position++; // opening quote
        StringBuilder result = null; // only when there is an escape; else a substring
        int start = position;
        while (true) {
            if (position >= text.length()) {
                throw malformed("unterminated string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                String value = result == null ? text.substring(start, position)
                        : result.append(text, start, position).toString();
                position++;
                return value;
            }
            if (c < 0x20) {
                throw malformed("a control character in a string");
            }
            if (c == '\\') {
                if (result == null) {
                    result = new StringBuilder();
                }
                result.append(text, start, position);
                position++;
                result.append(escaped());
                start = position;
            } else {
                position++;
            }
        }
    }

    /** The character of the escape after a backslash; moves past it. */
    private char escaped() throws MalformedJsonException {
        if (position >= text.length()) {
            throw malformed("unterminated escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw malformed("an unknown escape");
        };
    }

    private char unicodeEscape() throws MalformedJsonException {
        if (position + 4 > text.length()) {
            throw malformed("a short \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(text.charAt(position++));
            if (digit < 0) {
                throw malformed("a \\u escape that is not hexadecimal");
            }
            code = code * 16 + digit;
        }
        return (char) code; // a lone surrogate stays as it is, as in Jackson and Python
    }

    private JsonNumber number() throws MalformedJsonException {
        int start = position;
        boolean integral = true;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw malformed("a number without digits");
        }
        if (peek() == '.') {
            integral = false;
            position++;
            if (!isDigit(peek())) {
                throw malformed("a number without digits after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw malformed("a number without exponent digits");
            }
            digits();
        }
        return new JsonNumber(text.substring(start, position), integral);
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private Object literal(String word, Object value) throws MalformedJsonException {
        if (!text.startsWith(word, position)) {
            throw malformed("no JSON value starts here");
        }
        position += word.length();
        return value;
    }

    private void expect(char expected) throws MalformedJsonException {
        if (peek() != expected) {
            throw malformed("expected '" + expected + "'");
        }
        position++;
    }

    /** The character at the position, or NUL at the end (NUL is refused wherever it would be read). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private void checkDepth(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH);
        }
    }

    /** 0-15 for an ASCII hex digit, else -1 (Character.digit would also take other scripts' digits). */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private MalformedJsonException malformed(String problem) {
        return new MalformedJsonException(problem + " at offset " + Math.min(position, text.length()));
    }

    /** A JSON number as written; its Java value is asked for by the reader, which knows what fits. */
    public record JsonNumber(String literal, boolean integral) {

        /** The value of an integral number that fits a long; empty for a fraction or a larger integer. */
        public java.util.OptionalLong longValue() {
            if (!integral) {
                return java.util.OptionalLong.empty();
            }
            try {
                return java.util.OptionalLong.of(Long.parseLong(literal));
            } catch (NumberFormatException tooLarge) {
                return java.util.OptionalLong.empty();
            }
        }

        public double doubleValue() {
            return Double.parseDouble(literal);
        }

        /** An integral number in canonical digits ({@code -0} is {@code 0}); only for integral numbers. */
        public String integerDigits() {
            return new java.math.BigInteger(literal).toString();
        }
    }

    /** Not JSON; the message gives the offset and the kind of problem, never the text. */
    public static final class MalformedJsonException extends Exception {
        MalformedJsonException(String message) {
            super(message, null, false, false);
        }
    }
}
