package dev.speckitty.shell.render;

import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tracker answer for a person: scalar fields as aligned {@code Label: value} lines, lists of
 * items one per line ({@code TRK-1  Write the spec  [done]}), never Java's {@code {k=v}} syntax.
 * The whole body is the server's: every key and value passes the sanitiser, so nothing in it
 * breaks a line or reaches the terminal as a control.
 */
public final class TrackerText {

    private TrackerText() {}

    public static void print(PrintWriter out, Map<String, ?> body) {
        body.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                out.println(label(key) + ": " + list.size());
                list.forEach(item -> out.println("  " + item(item)));
            } else if (value instanceof Map<?, ?> nested) {
                out.println(label(key) + ": " + inline(nested));
            } else {
                out.println(label(key) + ": " + text(value));
            }
        });
    }

    private static String item(Object item) {
        if (!(item instanceof Map<?, ?> fields)) {
            return text(item);
        }
        Object id = fields.get("id");
        Object title = fields.get("title");
        Object status = fields.get("status");
        if (id == null && title == null) {
            return inline(fields);
        }
        return text(id) + "  " + text(title) + (status == null ? "" : "  [" + text(status) + "]");
    }

    private static String inline(Map<?, ?> fields) {
        StringBuilder line = new StringBuilder();
        fields.forEach((key, value) -> line.append(line.isEmpty() ? "" : ", ").append(label(String.valueOf(key)))
                .append(": ").append(text(value)));
        return line.toString();
    }

    /** {@code team_slug} → {@code Team slug}. */
    static String label(String key) {
        String words = UntrustedText.line(key).replace('_', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String text(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        return UntrustedText.line(String.valueOf(value));
    }
}
