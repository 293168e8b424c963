package dev.speckitty.application.session;

import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.testfixtures.SessionBuilder;
import dev.speckitty.testfixtures.Teams;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The auth tests' clock reading, seed session and grants, with the tokens the scripted server answers to. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private Fixtures() {}

    /** Issued an hour before {@link #NOW} with session id sess_seed; the access token has {@code accessLeft}. */
    public static StoredSession session(String accessToken, String refreshToken, Duration accessLeft, List<Team> teams) {
        return SessionBuilder.aSession().teams(teams).accessToken(accessToken).refreshToken(refreshToken)
                .sessionId("sess_seed").issuedAt(NOW.minusSeconds(3600)).accessTokenExpiresAt(NOW.plus(accessLeft))
                .refreshTokenExpiresAt(NOW.plus(Duration.ofDays(30))).build();
    }

    public static StoredSession expiredSeed() {
        return session("at_SENTINEL_seed", "rt_seed_v1", Duration.ofSeconds(-1), List.of(Teams.PRIVATE));
    }

    public static TokenGrant rotated(String access, String refresh) {
        return new TokenGrant(Secret.of(access), Secret.of(refresh), 900L, null, null, null, null, 2L);
    }
}
