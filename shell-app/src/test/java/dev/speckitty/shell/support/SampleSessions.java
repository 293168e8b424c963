package dev.speckitty.shell.support;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        List<Team> teams = List.of(SHARED_TEAM, PRIVATE_TEAM);
        return new StoredSession("user_42", "ada@example.com", "Ada Lovelace", teams,
                Team.pickDefaultTeamId(teams).orElseThrow(), Secret.of(ACCESS_SENTINEL), Secret.of(REFRESH_SENTINEL),
                "sess_abc123", issuedAt, issuedAt.plus(Duration.ofHours(1)), refreshExpiresAt, "offline_access",
                StoredSession.FILE_BACKEND, issuedAt, "device_code", 3L);
    }
}
