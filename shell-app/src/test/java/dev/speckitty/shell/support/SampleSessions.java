package dev.speckitty.shell.support;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.testfixtures.SessionBuilder;
import java.time.Duration;
import java.time.Instant;

/** Sessions for tests, with sentinel tokens that must never appear in any output. */
public final class SampleSessions {

    public static final String ACCESS_SENTINEL = "at_SENTINEL_1";
    public static final String REFRESH_SENTINEL = "rt_SENTINEL_1";
    public static final Team PRIVATE_TEAM = new Team("team_private_7", "Ada's Private Teamspace", "owner", true);
    public static final Team SHARED_TEAM = new Team("team_shared_3", "Analytical Engines", "member", false);

    private SampleSessions() {}

    /** A session issued at {@code issuedAt}: access token valid 1 h, refresh token 30 days. */
    public static StoredSession valid(Instant issuedAt) {
        return session(issuedAt, issuedAt.plus(Duration.ofDays(30)));
    }

    public static StoredSession session(Instant issuedAt, Instant refreshExpiresAt) {
        return SessionBuilder.aSession().userId("user_42").email("ada@example.com").name("Ada Lovelace")
                .teams(SHARED_TEAM, PRIVATE_TEAM).accessToken(ACCESS_SENTINEL).refreshToken(REFRESH_SENTINEL)
                .sessionId("sess_abc123").issuedAt(issuedAt).accessTokenExpiresAt(issuedAt.plus(Duration.ofHours(1)))
                .refreshTokenExpiresAt(refreshExpiresAt).authMethod("device_code").generation(3L).build();
    }
}
