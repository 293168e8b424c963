package dev.speckitty.adapters.storage.binding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but valid {@code config.yaml} documents: unknown top-level keys with nested mappings,
 * sequences (indented and at column 0), flow collections, block scalars, quoted scalars, inline
 * and full-line comments and blank lines, optionally with a {@code teamspace:} entry somewhere.
 */
final class RandomYamlDocuments {

    private final Random random;

    RandomYamlDocuments(long seed) {
        this.random = new Random(seed);
    }

    /** {@code before + teamspaceBlock + after}; the block is empty when there is none. */
    record Document(String before, String teamspaceBlock, String after) {
        String text() {
            return before + teamspaceBlock + after;
        }

        boolean hasTeamspace() {
            return !teamspaceBlock.isEmpty();
        }
    }

    Document next() {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append("# generated config\n");
        }
        int entries = 1 + random.nextInt(6);
        int teamspaceAt = random.nextBoolean() ? random.nextInt(entries + 1) : -1;
        List<String> used = new ArrayList<>();
        String before = null;
        String block = "";
        for (int i = 0; i <= entries; i++) {
            if (i == teamspaceAt) {
                decorate(text);
                before = text.toString();
                block = random.nextBoolean() ? "teamspace: " + word() + comment() + "\n"
                        : "teamspace:\n  slug: " + word() + comment() + "\n" + (random.nextBoolean()
                                ? "  # indented note\n  extra: " + word() + "\n" : "");
                text.setLength(0);
            }
            if (i < entries) {
                decorate(text);
                String key = freshKey(used);
                text.append(key).append(":");
                value(text, 0, true);
            }
        }
        if (random.nextInt(4) == 0) {
            text.append("# trailing comment\n");
        }
        return before == null ? new Document(text.toString(), "", "") : new Document(before, block, text.toString());
    }

    private void decorate(StringBuilder text) {
        for (int n = random.nextInt(3); n > 0; n--) {
            text.append(random.nextBoolean() ? "\n" : "# about the next key: " + word() + "\n");
        }
    }

    /** Appends " <scalar>\n" or "\n<nested lines>" for a value under a key at {@code indent}. */
    private void value(StringBuilder text, int indent, boolean topLevel) {
        int kind = indent > 6 ? random.nextInt(3) : random.nextInt(8);
        String pad = " ".repeat(indent + 2);
        switch (kind) {
            case 0 -> text.append(' ').append(scalar()).append(comment()).append('\n');
            case 1 -> text.append(" [").append(scalar()).append(", ").append(scalar()).append("]\n");
            case 2 -> text.append(" {a: ").append(scalar()).append(", b: [1, 2]}").append(comment()).append('\n');
            case 3 -> text.append(" |\n").append(pad).append("line one ").append(word()).append('\n').append(pad)
                    .append("# not a comment inside a block scalar\n");
            case 4, 5 -> {
                text.append(comment()).append('\n');
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    if (random.nextInt(4) == 0) {
                        text.append(pad).append("# nested comment\n");
                    }
                    text.append(pad).append(word()).append(n).append(':');
                    value(text, indent + 2, false);
                }
            }
            default -> {
                text.append('\n');
                String itemPad = topLevel && random.nextBoolean() ? "" : pad; // column-0 items are valid at top level
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    text.append(itemPad).append("- ").append(scalar()).append('\n');
                }
            }
        }
    }

    private String freshKey(List<String> used) {
        String key;
        do {
            key = word() + "_" + random.nextInt(1000);
        } while (used.contains(key));
        used.add(key);
        return key;
    }

    private String scalar() {
        return switch (random.nextInt(7)) {
            case 0 -> "\"double " + word() + " # not a comment\"";
            case 1 -> "'single: " + word() + "'";
            case 2 -> String.valueOf(random.nextInt(100_000));
            case 3 -> random.nextBoolean() ? "true" : "null";
            case 4 -> "2026-05-0" + (1 + random.nextInt(9));
            default -> word();
        };
    }

    private String comment() {
        return random.nextInt(3) == 0 ? "  # note " + word() : "";
    }

    private String word() {
        String[] words = {"alpha", "beta", "gamma", "kitty", "spec", "team", "tracker_x", "teamspaces", "zeta"};
        return words[random.nextInt(words.length)];
    }
}
