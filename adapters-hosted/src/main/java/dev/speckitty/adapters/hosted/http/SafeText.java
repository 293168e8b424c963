package dev.speckitty.adapters.hosted.http;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.text.UntrustedText;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes server-supplied text safe for a user-facing message: line breaks folded, every other
 * control or invisible character made visible by the one sanitiser ({@link UntrustedText}),
 * anything token-looking replaced, length capped. Used for OAuth {@code error} codes and, where
 * the contract shows one, an {@code error_description}; never for a whole body.
 */
public final class SafeText {

    public static final int MAX_LENGTH = 200;

    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    // a message's own line breaks are layout, not content: one space; other controls are escaped
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029]+");
    // a long run of token alphabet characters containing a digit, or any very long run
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~+/=-]{16,}");
    private static final String REDACTED = "[redacted]";

    private SafeText() {}

    /**
     * An OAuth error code if it has the plain shape of one ({@code invalid_grant}); empty otherwise,
     * and empty too when it looks like a token or contains one of the {@code known} secrets: a
     * hostile server could otherwise put the token it was sent (or any token) in {@code error}.
     */
    public static Optional<String> errorCode(Optional<String> raw, Secret... known) {
        return raw.map(String::strip)
                .filter(code -> ERROR_CODE.matcher(code).matches())
                .filter(code -> serverMessage(code, known).equals(code));
    }

    /**
     * A server message made displayable: every {@code known} secret removed, token-looking words
     * redacted, line breaks folded to a space, other controls escaped ({@code ESC} shows as
     * {@code \x1b}), at most {@link #MAX_LENGTH} characters.
     */
    public static String serverMessage(String raw, Secret... known) {
        if (raw == null) {
            return "";
        }
        String text = raw;
        for (Secret secret : known) {
            if (secret != null && !secret.isBlank()) {
                text = text.replace(secret.reveal(), REDACTED);
            }
        }
        text = UntrustedText.line(LINE_BREAKS.matcher(text).replaceAll(" "));
        Matcher m = TOKEN_LIKE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            boolean tokenLike = word.length() >= 32 || word.chars().anyMatch(Character::isDigit);
            m.appendReplacement(out, Matcher.quoteReplacement(tokenLike ? REDACTED : word));
        }
        m.appendTail(out);
        text = out.toString().strip();
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH - 1).strip() + "…";
        }
        return text;
    }
}
