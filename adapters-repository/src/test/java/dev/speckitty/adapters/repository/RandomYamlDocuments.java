package dev.speckitty.adapters.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but valid {@code config.yaml} documents: unknown top-level keys (plain, quoted, unicode)
 * with nested mappings, sequences (indented and at column 0), flow collections (also spanning
 * lines), block scalars, quoted and odd scalars (unicode, escapes, {@code ~}, {@code .inf}, hex,
 * tags), anchors, aliases and merge keys, a document marker, inline and full-line comments and
 * blank lines, optionally with a {@code teamspace:} entry somewhere.
 */
final class RandomYamlDocuments {

    private static final String[] ODD_SCALARS = {"~", ".inf", "-.inf", ".nan", "0x1F", "0o17", "1_000", "!!str 5",
        "'it''s'", "\"tab\\there \\u00e9\"", "ünï 日本 🐱", "2001-12-14t21:59:43.10-05:00", "yes", "No", "'#not a comment'",
        "\"multi\\nline\"", "!custom tagged", "-1.5e+3", "'  padded  '", "\"\""};

    private final Random random;
    private final List<String> scalarAnchors = new ArrayList<>();
    private final List<String> mappingAnchors = new ArrayList<>();
    private int anchorCount;

    RandomYamlDocuments(Random random) {
        this.random = random;
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
        scalarAnchors.clear();
        mappingAnchors.clear();
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append("# generated config\n");
        }
        if (random.nextInt(8) == 0) {
            text.append("---\n");
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
                String key = random.nextInt(6) == 0 ? "\"teamspace\"" : "teamspace";
                block = random.nextBoolean() ? key + ": " + word() + comment() + "\n"
                        : key + ":\n  slug: " + word() + comment() + "\n" + (random.nextBoolean()
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
            case 1 -> text.append(" [").append(scalar()).append(",").append(random.nextBoolean() ? " " : "\n" + pad)
                    .append(scalar()).append("]\n"); // a flow sequence may continue on an indented line
            case 2 -> text.append(" {a: ").append(scalar()).append(", b: [1, 2]}").append(comment()).append('\n');
            case 3 -> text.append(" |\n").append(pad).append("line one ").append(word()).append('\n').append(pad)
                    .append("# not a comment inside a block scalar\n");
            case 4, 5 -> {
                String anchor = null;
                if (random.nextInt(4) == 0) {
                    anchor = "m" + anchorCount++;
                    text.append(" &").append(anchor);
                } else if (!mappingAnchors.isEmpty() && random.nextInt(3) == 0) {
                    text.append('\n').append(pad).append("<<: *").append(mappingAnchors.get(random.nextInt(mappingAnchors.size())));
                }
                text.append(comment()).append('\n');
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    if (random.nextInt(4) == 0) {
                        text.append(pad).append("# nested comment\n");
                    }
                    text.append(pad).append(word()).append(n).append(':');
                    value(text, indent + 2, false);
                }
                if (anchor != null) {
                    mappingAnchors.add(anchor); // usable once complete: a mapping cannot merge itself
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
            key = switch (random.nextInt(10)) {
                case 0 -> "\"quoted key " + random.nextInt(1000) + "\"";
                case 1 -> "ключ_" + random.nextInt(1000);
                default -> word() + "_" + random.nextInt(1000);
            };
        } while (used.contains(key));
        used.add(key);
        return key;
    }

    private String scalar() {
        if (!scalarAnchors.isEmpty() && random.nextInt(10) == 0) {
            return "*" + scalarAnchors.get(random.nextInt(scalarAnchors.size()));
        }
        if (random.nextInt(12) == 0) {
            String anchor = "s" + anchorCount++;
            scalarAnchors.add(anchor);
            return "&" + anchor + " " + plainScalar();
        }
        return plainScalar();
    }

    private String plainScalar() {
        return switch (random.nextInt(9)) {
            case 7, 8 -> ODD_SCALARS[random.nextInt(ODD_SCALARS.length)];
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
