package dev.speckitty.adapters.hosted;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The module's one seeded generator of JSON documents for property tests (no jqwik, see the
 * project's decision): valid documents with random extra keys and unicode, and mutations of them
 * (wrong types, missing fields, nulls, huge numbers, deep nesting, broken text). Every case is
 * rebuilt from the seed, the property name and the case index alone, so a failure names all three
 * and {@code -Dspec-kitty.property.seed=N} replays it.
 *
 * <p>Secret-looking values come from {@link #secret()}: long, token-alphabet, with digits (what a
 * real token looks like), each one recorded in {@link #planted()} so a test can assert it never
 * reaches a message or a {@code toString()}.
 */
public final class GeneratedJson {

    public static final String SEED_PROPERTY = "spec-kitty.property.seed";
    public static final long DEFAULT_SEED = 20260406L;
    private static final AtomicBoolean PRINTED = new AtomicBoolean();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String DEEP = "\u0000deep\u0000";
    private static final String[] UNICODE = {
        "é", "ß", "Ω", "ж", "中文", "日本", "한", "עברית", "العربية", "\u200b", "\u200e", "\u202e", "\ufeff",
        "😀", "👩‍💻", "\ud834\udd1e", "\u0007", "\u001b[31m", "\n", "\r\n", "\t", "\"", "\\", "/", "<b>", "&amp;",
        "%00", "'", " ", "$(id)", "{{x}}"
    };

    private final Random random;
    private final List<String> planted = new ArrayList<>();

    private GeneratedJson(long seed) {
        this.random = new Random(seed);
    }

    /** The seed for this run: the system property when set, else {@link #DEFAULT_SEED}; printed once. */
    public static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        long seed = configured == null || configured.isBlank() ? DEFAULT_SEED : Long.parseLong(configured.strip());
        if (PRINTED.compareAndSet(false, true)) {
            System.out.println("property tests: -D" + SEED_PROPERTY + "=" + seed);
        }
        return seed;
    }

    /** The generator of one case: independent of every other case, so any one replays alone. */
    public static GeneratedJson forCase(String property, int index) {
        long mixed = seed() * 0x9E3779B97F4A7C15L + property.hashCode() * 1_000_003L + index;
        // java.util.Random's first outputs barely differ for neighbouring seeds: scramble it first
        return new GeneratedJson(splitMix64(mixed));
    }

    private static long splitMix64(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Where a failing case came from, for assertion messages. */
    public static String describeCase(String property, int index) {
        return property + " case " + index + " (-D" + SEED_PROPERTY + "=" + seed() + ")";
    }

    // ---- primitives ----------------------------------------------------------------------------

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public long between(long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }

    @SafeVarargs
    public final <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A token-looking value (32–48 characters of the token alphabet, digits included), recorded as planted. */
    public String secret() {
        StringBuilder out = new StringBuilder(oneOf("tok_", "at_", "rt_", "eyJ", "gho_"));
        int length = between(32, 48);
        while (out.length() < length) {
            out.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        out.append(random.nextInt(10)); // at least one digit
        String secret = out.toString();
        planted.add(secret);
        return secret;
    }

    /** Every secret handed out so far. */
    public List<String> planted() {
        return List.copyOf(planted);
    }

    /** Free text: ASCII words, unicode of every kind (RTL, zero-width, emoji, control characters), sometimes a secret. */
    public String text(int maxParts) {
        StringBuilder out = new StringBuilder();
        int parts = between(1, maxParts);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                out.append(oneOf("invalid", "token", "timeout", "missing", "field", "server", "error", "the", "private team",
                        "direct ingress", "expired", "500", "schema", "x"));
            } else if (kind < 8) {
                out.append(oneOf(UNICODE));
            } else if (kind == 8) {
                out.append(secret());
            } else {
                out.append(random.nextInt(100000));
            }
            out.append(chance(0.7) ? " " : "");
        }
        return out.toString();
    }

    /** A non-blank identifier-ish string with some unicode. */
    public String word() {
        return oneOf("a", "b", "team", "x", "Ω", "é", "中文", "😀") + between(0, 9999);
    }

    public String key() {
        return chance(0.5) ? "x_" + between(0, 999) : "k" + oneOf(UNICODE) + between(0, 99);
    }

    public Instant instant() {
        return Instant.ofEpochSecond(between(0L, 4_102_444_800L)); // 1970..2100
    }

    /** Any JSON value, up to {@code depth} levels of containers. */
    public Object anyValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 12 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> hugeNumber();
            case 5 -> random.nextDouble() * oneOf(1.0, 1e6, -1e300);
            case 6 -> text(4);
            case 7 -> secret();
            case 8 -> "";
            case 9 -> list(depth - 1);
            case 10 -> object(depth - 1);
            default -> deepNesting();
        };
    }

    public Object hugeNumber() {
        return switch (random.nextInt(5)) {
            case 0 -> BigInteger.TEN.pow(between(19, 60)).negate();
            case 1 -> BigInteger.TEN.pow(between(19, 60));
            case 2 -> new BigDecimal("1e" + between(300, 400));
            case 3 -> Long.MAX_VALUE;
            default -> -Double.MAX_VALUE;
        };
    }

    private List<Object> list(int depth) {
        List<Object> list = new ArrayList<>();
        for (int i = between(0, 3); i > 0; i--) {
            list.add(anyValue(depth));
        }
        return list;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = between(0, 3); i > 0; i--) {
            object.put(key(), anyValue(depth));
        }
        return object;
    }

    /** A marker rendered as arrays and objects nested hundreds to thousands of levels deep. */
    public Object deepNesting() {
        return DEEP;
    }

    /** A value of another JSON type than {@code original}. */
    public Object wrongType(Object original) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Object candidate = anyValue(1);
            if (candidate == null ? original != null : original == null || !sameType(candidate, original)) {
                return candidate;
            }
        }
        return List.of();
    }

    private static boolean sameType(Object a, Object b) {
        return (a instanceof Number && b instanceof Number) || (a instanceof CharSequence && b instanceof CharSequence)
                || (a instanceof Map && b instanceof Map) || (a instanceof List && b instanceof List)
                || (a instanceof Boolean && b instanceof Boolean);
    }

    // ---- documents -----------------------------------------------------------------------------

    /** {@code document} with 0–4 random extra keys that the parser does not know. */
    public Map<String, Object> withExtras(Map<String, Object> document, Set<String> known) {
        Map<String, Object> out = new LinkedHashMap<>(document);
        for (int i = between(0, 4); i > 0; i--) {
            String key = key();
            if (!known.contains(key)) {
                out.put(key, anyValue(2));
            }
        }
        return out;
    }

    /** A mutated document and what was done to it. */
    public record Mutation(String json, String description) {}

    /**
     * One to three structural mutations of {@code valid} (remove, null, wrong type, huge number,
     * deep nesting, a secret, unicode), sometimes followed by a text-level one (truncation,
     * trailing garbage, an array around it, a BOM, an overlong number, nesting past the parser's
     * depth limit).
     */
    public Mutation mutate(Map<String, Object> valid) {
        Map<String, Object> document = new LinkedHashMap<>(valid);
        List<String> done = new ArrayList<>();
        for (int i = between(1, 3); i > 0 && !document.isEmpty(); i--) {
            String field = oneOf(new ArrayList<>(document.keySet()));
            Object before = document.get(field);
            switch (random.nextInt(7)) {
                case 0 -> {
                    document.remove(field);
                    done.add("removed " + field);
                }
                case 1 -> {
                    document.put(field, null);
                    done.add(field + "=null");
                }
                case 2 -> {
                    document.put(field, wrongType(before));
                    done.add(field + " wrong type");
                }
                case 3 -> {
                    document.put(field, hugeNumber());
                    done.add(field + " huge number");
                }
                case 4 -> {
                    document.put(field, deepNesting());
                    done.add(field + " deeply nested");
                }
                case 5 -> {
                    document.put(field, secret());
                    done.add(field + " secret string");
                }
                default -> {
                    document.put(field, text(3));
                    done.add(field + " unicode text");
                }
            }
        }
        String json = render(document);
        if (chance(0.25)) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    json = json.substring(0, random.nextInt(Math.max(1, json.length())));
                    done.add("truncated");
                }
                case 1 -> {
                    json = json + oneOf("}", "]", ",", "garbage", "{\"a\":1}");
                    done.add("trailing garbage");
                }
                case 2 -> {
                    json = "[" + json + "]";
                    done.add("wrapped in an array");
                }
                case 3 -> {
                    json = "\ufeff" + json;
                    done.add("BOM");
                }
                case 4 -> {
                    json = "{\"n\":" + "9".repeat(between(1001, 3000)) + "," + json.substring(Math.min(1, json.length()));
                    done.add("overlong number");
                }
                default -> {
                    int depth = between(600, 3000);
                    json = "[".repeat(depth) + json + "]".repeat(depth);
                    done.add("nested " + depth + " deep");
                }
            }
        }
        return new Mutation(json, String.join(", ", done));
    }

    /** Compact JSON; {@link #deepNesting()} markers become 100–400 nested arrays and objects. */
    public String render(Object document) {
        String json = JSON.writeValueAsString(document);
        String marker = JSON.writeValueAsString(DEEP);
        while (json.contains(marker)) {
            int depth = between(100, 400);
            StringBuilder deep = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                deep.append(i % 2 == 0 ? "[" : "{\"d\":");
            }
            deep.append("1");
            for (int i = depth - 1; i >= 0; i--) {
                deep.append(i % 2 == 0 ? "]" : "}");
            }
            json = json.replaceFirst(java.util.regex.Pattern.quote(marker), java.util.regex.Matcher.quoteReplacement(deep.toString()));
        }
        return json;
    }
}
