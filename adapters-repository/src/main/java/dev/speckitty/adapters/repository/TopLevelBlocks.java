package dev.speckitty.adapters.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A minimal textual edit of one top-level key of a YAML document: its block (the key line and
 * the lines that continue it) is replaced, removed or appended, and every other byte stays as it
 * was, comments included. (SnakeYAML drops comments when it writes, so the document is never
 * re-serialised.)
 *
 * <p>A block is the line {@code key:} at column 0 plus the following lines up to the next line
 * that starts at column 0 with anything but a comment or a {@code -} (a top-level key or a
 * document marker); blank lines and column-0 comments after its last indented line are left
 * outside, since they usually introduce what follows. The caller re-parses the result to prove
 * the edit did what it meant.
 */
final class TopLevelBlocks {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String prefix; // a byte-order mark, kept as it is
    private final List<String> lines; // each with its own line ending

    TopLevelBlocks(String text) {
        boolean bom = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK;
        this.prefix = bom ? String.valueOf(BYTE_ORDER_MARK) : "";
        this.lines = splitKeepingEndings(bom ? text.substring(1) : text);
    }

    /** Replaces the first block of {@code key} with {@code block} (removing any repeats), or appends it. */
    String replace(String key, String block) {
        String converted = block.replace("\n", lineEnding());
        List<int[]> blocks = blocksOf(key);
        if (blocks.isEmpty()) {
            String existing = String.join("", lines);
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : lineEnding();
            return prefix + existing + separator + converted;
        }
        return rebuild(blocks, converted);
    }

    /** Removes every block of {@code key}; the text is unchanged when there is none. */
    String remove(String key) {
        return rebuild(blocksOf(key), "");
    }

    private String rebuild(List<int[]> blocks, String firstReplacement) {
        StringBuilder text = new StringBuilder(prefix);
        int next = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int[] block = blocks.get(b);
            for (int i = next; i < block[0]; i++) {
                text.append(lines.get(i));
            }
            if (b == 0) {
                text.append(firstReplacement);
                if (!firstReplacement.isEmpty() && !lines.get(block[1]).endsWith("\n")) {
                    trimFinalLineEnding(text); // the block ended the file without a line ending
                }
            }
            next = block[1] + 1;
        }
        for (int i = next; i < lines.size(); i++) {
            text.append(lines.get(i));
        }
        return text.toString();
    }

    /** [first line, last line] of each top-level block of {@code key}, in order. */
    private List<int[]> blocksOf(String key) {
        Pattern keyLine = Pattern.compile("^(?:" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\"|'"
                + Pattern.quote(key) + "')[ \\t]*:(?:[ \\t].*|)\\r?\\n?$", Pattern.DOTALL);
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!keyLine.matcher(lines.get(i)).matches()) {
                continue;
            }
            int last = i;
            for (int j = i + 1; j < lines.size() && !startsTopLevelEntry(lines.get(j)); j++) {
                if (continuesBlock(lines.get(j))) {
                    last = j;
                }
            }
            blocks.add(new int[] {i, last});
            i = last;
        }
        return blocks;
    }

    private static boolean startsTopLevelEntry(String line) {
        if (line.startsWith("---") || line.startsWith("...")) {
            return true;
        }
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        return first != ' ' && first != '\t' && first != '#' && first != '-' && first != '\r' && first != '\n';
    }

    /** An indented non-blank line or a column-0 sequence item belongs to the block above it. */
    private static boolean continuesBlock(String line) {
        if (line.isBlank()) {
            return false;
        }
        char first = line.charAt(0);
        return first == ' ' || first == '\t' || first == '-';
    }

    private String lineEnding() {
        return !lines.isEmpty() && lines.getFirst().endsWith("\r\n") ? "\r\n" : "\n";
    }

    private static void trimFinalLineEnding(StringBuilder text) {
        if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
            text.setLength(text.length() - 1);
            if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
        }
    }

    private static List<String> splitKeepingEndings(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                result.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            result.add(text.substring(start));
        }
        return result;
    }
}
