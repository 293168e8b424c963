package dev.speckitty.emulator.state;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque random strings; the prefixes (at_, rt_, …) let leak scans find tokens in output. */
public final class TokenGenerator {

    private static final String USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
    private final SecureRandom random = new SecureRandom();

    public String accessToken() {
        return "at_" + randomText(24);
    }

    public String refreshToken() {
        return "rt_" + randomText(24);
    }

    public String sessionId() {
        return "sess_" + randomText(12);
    }

    public String authorizationCode() {
        return "ac_" + randomText(24);
    }

    public String deviceCode() {
        return "dc_" + randomText(24);
    }

    public String requestId() {
        return "req_" + randomText(12);
    }

    /** Four consonants and four digits, e.g. "BCDF-1234": easy to read out, no vowels so no words. */
    public String userCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 4; i++) {
            code.append(USER_CODE_LETTERS.charAt(random.nextInt(USER_CODE_LETTERS.length())));
        }
        code.append('-');
        for (int i = 0; i < 4; i++) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
