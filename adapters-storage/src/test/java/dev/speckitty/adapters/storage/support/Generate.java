package dev.speckitty.adapters.storage.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seeded generator behind this module's property tests (no jqwik, by decision). Every test
 * takes its {@link Random} from {@link #random(String)}: a fixed default seed, printed with the
 * test's name, overridable with {@code -Dspec-kitty.property.seed=<n>} so any failure is
 * reproducible. Also the shared generators of text, JSON values and instants.
 */
public final class Generate {

    public static final String SEED_PROPERTY = "spec-kitty.property.seed";
    public static final long DEFAULT_SEED = 20_260_409L;
    private static final JsonNodeFactory NODES = JsonMapper.builder().build().getNodeFactory();
    private static final List<String> ODD_TEXT = List.of("", " ", "é", "Ünïcødé", "日本語", "🐱‍👤", "\u0000", "\\",
            "\"", "'", "\n", "\t", "a\u2028b", "\uFEFF", "null", "true", "{}", "[]", "2026-04-09T13:37:00Z", "-0",
            "1e309", "%s", "${x}", "<b>", "SECRET_CONTENT");

    private Generate() {}

    /** The seed in force for this run. */
    public static long seed() {
        return Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    }

    /** A random for one property, announced so that a failure can be replayed. */
    public static Random random(String property) {
        long seed = seed();
        System.out.println("property " + property + ": seed " + seed + " (replay with -D" + SEED_PROPERTY + "="
                + seed + ")");
        return new Random(seed * 31 + property.hashCode());
    }

    public static String word(Random random) {
        String[] words = {"alpha", "beta", "gamma", "kitty", "spec", "team", "zeta", "x", "id_7"};
        return words[random.nextInt(words.length)];
    }

    /** Any text: ASCII, accents, CJK, emoji, control characters, quotes and look-alikes of JSON. */
    public static String text(Random random, int maxLength) {
        if (random.nextInt(4) == 0) {
            return ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
        }
        StringBuilder out = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            out.appendCodePoint(switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x5F);
                case 1 -> 0xC0 + random.nextInt(0x100);
                case 2 -> 0x4E00 + random.nextInt(0x500);
                case 3 -> 0x1F600 + random.nextInt(0x50);
                case 4 -> random.nextInt(0x20);
                default -> 'a' + random.nextInt(26);
            });
        }
        return out.toString();
    }

    /** An instant between 1970 and 2200 with microsecond precision (what the session format keeps). */
    public static Instant instant(Random random) {
        long seconds = (long) (random.nextDouble() * 7_258_118_400L);
        return Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1000L)
                .truncatedTo(ChronoUnit.MICROS);
    }

    /** An arbitrary JSON value up to {@code depth} levels deep: every type, odd numbers, odd strings. */
    public static JsonNode json(Random random, int depth) {
        int kind = depth <= 0 ? random.nextInt(7) : random.nextInt(9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(5) == 0 ? Long.MIN_VALUE : random.nextLong());
            case 3 -> NODES.numberNode(new java.math.BigInteger(90, random));
            case 4 -> NODES.numberNode(random.nextBoolean() ? random.nextDouble() * 1e6 : -0.0);
            case 5, 6 -> NODES.stringNode(text(random, 12));
            case 7 -> {
                ArrayNode array = NODES.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(json(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.set(random.nextBoolean() ? word(random) : text(random, 6), json(random, depth - 1));
                }
                yield object;
            }
        };
    }

    public static <T> T oneOf(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
