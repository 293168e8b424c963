package dev.speckitty.adapters.storage.support;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.testfixtures.SessionBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Sample sessions with recognisable sentinel tokens, so a leak is easy to spot. Every field is
 * fixed (fractional seconds included) because the codec and Python-compatibility tests compare bytes.
 */
public final class TestSessions {

    public static final byte[] PASSPHRASE = "test-host:4242".getBytes(StandardCharsets.UTF_8);
    public static final String ACCESS_SENTINEL = "at_SENTINEL_java_";
    public static final String REFRESH_SENTINEL = "rt_SENTINEL_java_";

    private TestSessions() {}

    public static StoredSession sample(String tag) {
        return SessionBuilder.aSession()
                .userId("user-" + tag)
                .email(tag + "@example.com")
                .name("Tester " + tag)
                .teams(new Team("team-shared-" + tag, "Shared Team", "member", false),
                        new Team("team-private-" + tag, "Private Teamspace", "owner", true))
                .accessToken(ACCESS_SENTINEL + tag)
                .refreshToken(REFRESH_SENTINEL + tag)
                .sessionId("sess-" + tag)
                .issuedAt(Instant.parse("2026-04-09T13:37:00.123456Z"))
                .accessTokenExpiresAt(Instant.parse("2026-04-09T14:37:00Z"))
                .refreshTokenExpiresAt(Instant.parse("2026-05-09T13:37:00.5Z"))
                .lastUsedAt(Instant.parse("2026-04-09T13:40:01Z"))
                .authMethod("authorization_code")
                .generation(7L)
                .build();
    }

    /** A legacy-shaped session: unknown refresh expiry and no generation. */
    public static StoredSession legacy(String tag) {
        return SessionBuilder.from(sample(tag)).refreshTokenExpiresAt(null).authMethod("device_code").generation(null)
                .build();
    }
}
