package dev.speckitty.domain.text;

/**
 * The one sanitiser for text that did not come from this program (server answers, the session's
 * identity and teams, repository files): every character that could drive a terminal or hide what
 * is shown is made visible as an escape, so nothing is lost and nothing is interpreted.
 *
 * <p>Unsafe are C0 controls (ESC, BEL, CR, LF, TAB, ...), DEL, C1 controls (U+0080 to U+009F,
 * among them U+009B CSI and U+009D OSC, which some terminals obey like {@code ESC [} and
 * {@code ESC ]}), and invisible format characters, among them the bidi embeddings, overrides and
 * isolates (U+202A to U+202E, U+2066 to U+2069), zero-width characters and the line and paragraph
 * separators. A code point up to U+00FF shows as {@code \x1b}, any other as a backslash, {@code u}
 * and four hex digits (U+202E as backslash-u202e).
 */
public final class UntrustedText {

    private UntrustedText() {}

    /** A single-line field (a name, an id, a code, a URL): every unsafe character escaped, so it never breaks a line. */
    public static String line(String text) {
        return escape(text, false);
    }

    /**
     * A whole text this program composed, some of it from outside: line feeds, carriage returns and
     * tabs are kept (our own layout), every other unsafe character escaped. Only for the last step
     * before the terminal; a field from outside goes through {@link #line} first.
     */
    public static String layout(String text) {
        return escape(text, true);
    }

    /** Whether {@code codePoint} could drive a terminal or hide text: the characters {@link #line} escapes. */
    public static boolean isUnsafe(int codePoint) {
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    /** The visible form of one unsafe code point: {@code \x1b}, or backslash-u202e above U+00FF. */
    public static String escaped(int codePoint) {
        return codePoint <= 0xff ? String.format("\\x%02x", codePoint) : String.format("\\u%04x", codePoint);
    }

    private static String escape(String text, boolean keepLayout) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(cp -> isUnsafe(cp) && !(keepLayout && isLayout(cp)))) {
            return text; // the common case: nothing to copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (isUnsafe(cp) && !(keepLayout && isLayout(cp))) {
                out.append(escaped(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isLayout(int codePoint) {
        return codePoint == '\n' || codePoint == '\r' || codePoint == '\t';
    }
}
