package dev.speckitty.adapters.hosted.http;

/**
 * What a server may hand us as a credential or an identifier. Both travel on: tokens in an {@code Authorization}
 * header, team ids in {@code X-Team-Slug}, ids on screen and in files. A value that could split a header or a
 * line, or steer a terminal, is malformed and refused where it is parsed, never carried along.
 */
public final class WireValues {

    private WireValues() {}

    /** RFC 6749 Appendix A.12/A.13: an access or refresh token is 1*VSCHAR, i.e. only characters %x20-7E. */
    public static boolean isToken(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** An identifier: no C0 or C1 control, DEL, format character (bidi overrides) or line/paragraph separator. */
    public static boolean isIdentifier(String value) {
        return !value.isEmpty() && value.codePoints().noneMatch(WireValues::breaksALineOrTheTerminal);
    }

    private static boolean breaksALineOrTheTerminal(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
