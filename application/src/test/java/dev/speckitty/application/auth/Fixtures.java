package dev.speckitty.application.auth;

import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sessions and grants with sentinel tokens, shared by the application tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Team PRIVATE = new Team("t-private", "Private", "owner", true);
    static final Team SHARED = new Team("t-shared", "Shared", "member", false);

    private Fixtures() {}

    static StoredSession session(String accessToken, String refreshToken, Duration accessLeft, List<Team> teams) {
        return new StoredSession("u-1", "dev@example.com", "Dev", teams, Team.pickDefaultTeamId(teams).orElse("t-none"),
                Secret.of(accessToken), Secret.of(refreshToken), "sess_seed", NOW.minusSeconds(3600),
                NOW.plus(accessLeft), NOW.plus(Duration.ofDays(30)), "offline_access", "file", NOW.minusSeconds(3600),
                "authorization_code", null);
    }

    static StoredSession expiredSeed() {
        return session("at_SENTINEL_seed", "rt_seed_v1", Duration.ofSeconds(-1), List.of(PRIVATE));
    }

    static TokenGrant rotated(String access, String refresh) {
        return new TokenGrant(Secret.of(access), Secret.of(refresh), 900L, null, null, null, null, 2L);
    }
}
