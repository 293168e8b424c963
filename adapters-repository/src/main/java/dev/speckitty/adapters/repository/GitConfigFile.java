package dev.speckitty.adapters.repository;

import java.util.Locale;
import java.util.Optional;

/**
 * Just enough of git's config syntax to find one value: {@code [section "subsection"]} and the
 * legacy {@code [section.subsection]} headers, case-insensitive section and key names, quoted
 * values, escapes, {@code #}/{@code ;} comments and backslash line continuation. Includes and
 * {@code insteadOf} rewrites are not followed.
 */
final class GitConfigFile {

    private final String text;

    GitConfigFile(String text) {
        this.text = text;
    }

    /** The first value of {@code key} in {@code [section "subsection"]}, as {@code git config} would read it. */
    Optional<String> first(String section, String subsection, String key) {
        String[] lines = text.split("\r?\n", -1);
        boolean inSection = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith("[")) {
                int close = headerEnd(line);
                if (close < 0) {
                    inSection = false;
                    continue;
                }
                inSection = matchesHeader(line.substring(1, close), section, subsection);
                line = line.substring(close + 1).stripLeading(); // git allows "[core] bare = true"
            }
            if (!inSection || line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && (Character.isLetterOrDigit(line.charAt(nameEnd))
                    || line.charAt(nameEnd) == '-')) {
                nameEnd++;
            }
            if (!line.substring(0, nameEnd).equalsIgnoreCase(key)) {
                continue;
            }
            String rest = line.substring(nameEnd).stripLeading();
            if (!rest.startsWith("=")) {
                continue; // a bare key is boolean true: not a usable value here
            }
            StringBuilder value = new StringBuilder();
            String raw = rest.substring(1);
            while (parseValue(raw, value) && i + 1 < lines.length) {
                raw = lines[++i]; // backslash continuation
            }
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    private static int headerEnd(String line) {
        boolean quoted = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesHeader(String header, String section, String subsection) {
        int quote = header.indexOf('"');
        if (quote >= 0) {
            String name = header.substring(0, quote).strip();
            StringBuilder sub = new StringBuilder();
            for (int i = quote + 1; i < header.length() && header.charAt(i) != '"'; i++) {
                char c = header.charAt(i);
                if (c == '\\' && i + 1 < header.length()) {
                    c = header.charAt(++i);
                }
                sub.append(c);
            }
            return name.equalsIgnoreCase(section) && sub.toString().equals(subsection);
        }
        int dot = header.indexOf('.');
        if (dot >= 0) { // legacy [section.subsection]: the subsection is lower-cased
            return header.substring(0, dot).strip().equalsIgnoreCase(section)
                    && header.substring(dot + 1).strip().toLowerCase(Locale.ROOT).equals(subsection);
        }
        return false;
    }

    /**
     * Appends the value on {@code raw} to {@code value}: quotes removed, escapes decoded, a comment
     * outside quotes ends it, surrounding blanks outside quotes dropped. True when it continues on
     * the next line.
     */
    private static boolean parseValue(String raw, StringBuilder value) {
        boolean quoted = false;
        int pendingSpaces = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!quoted && (c == '#' || c == ';')) {
                return false;
            }
            if (!quoted && (c == ' ' || c == '\t')) {
                if (!value.isEmpty()) {
                    pendingSpaces++;
                }
                continue;
            }
            value.append(" ".repeat(pendingSpaces));
            pendingSpaces = 0;
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                if (i + 1 >= raw.length()) {
                    return true;
                }
                char escaped = raw.charAt(++i);
                value.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    default -> escaped;
                });
            } else {
                value.append(c);
            }
        }
        return false;
    }
}
