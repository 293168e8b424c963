package dev.speckitty.shell.command;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping for help pages: lines of at most {@link #WIDTH} columns, continuation lines indented. */
public final class TextWrap {

    public static final int WIDTH = 80;

    private TextWrap() {}

    /**
     * Wraps {@code text} (whose first line starts {@code firstIndent} columns in) at word boundaries;
     * words that would overflow go to a new line indented by {@code indent} spaces. A single word longer
     * than a line is kept whole.
     */
    public static List<String> wrap(String text, int firstIndent, int indent) {
        return wrap(List.of(text.split(" ")), firstIndent, indent);
    }

    /** Like {@link #wrap(String, int, int)}, over tokens that must not be split ({@code [--report FILE]}). */
    public static List<String> wrap(List<String> words, int firstIndent, int indent) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = firstIndent;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            boolean first = line.isEmpty();
            if (!first && column + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
                column = indent;
                first = true;
            }
            if (!first) {
                line.append(' ');
                column++;
            }
            line.append(word);
            column += word.length();
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@link #wrap} joined with newlines, continuation lines carrying their indentation. */
    public static String block(String text, int firstIndent, int indent) {
        return join(wrap(text, firstIndent, indent), indent);
    }

    public static String join(List<String> lines, int indent) {
        return String.join("\n" + " ".repeat(indent), lines);
    }
}
