package dev.speckitty.adapters.storage.support;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Sample sessions with recognisable sentinel tokens, so a leak is easy to spot. */
public final class TestSessions {

    public static final byte[] PASSPHRASE = "test-host:4242".getBytes(StandardCharsets.UTF_8);
    public static final String ACCESS_SENTINEL = "at_SENTINEL_java_";
    public static final String REFRESH_SENTINEL = "rt_SENTINEL_java_";

    private TestSessions() {}

    public static StoredSession sample(String tag) {
        return new StoredSession(
                "user-" + tag,
                tag + "@example.com",
                "Tester " + tag,
                List.of(new Team("team-shared-" + tag, "Shared Team", "member", false),
                        new Team("team-private-" + tag, "Private Teamspace", "owner", true)),
                "team-private-" + tag,
                Secret.of(ACCESS_SENTINEL + tag),
                Secret.of(REFRESH_SENTINEL + tag),
                "sess-" + tag,
                Instant.parse("2026-04-09T13:37:00.123456Z"),
                Instant.parse("2026-04-09T14:37:00Z"),
                Instant.parse("2026-05-09T13:37:00.5Z"),
                "offline_access",
                StoredSession.FILE_BACKEND,
                Instant.parse("2026-04-09T13:40:01Z"),
                "authorization_code",
                7L);
    }

    /** A legacy-shaped session: unknown refresh expiry and no generation. */
    public static StoredSession legacy(String tag) {
        StoredSession full = sample(tag);
        return new StoredSession(full.userId(), full.email(), full.name(), full.teams(), full.defaultTeamId(),
                full.accessToken(), full.refreshToken(), full.sessionId(), full.issuedAt(),
                full.accessTokenExpiresAt(), null, full.scope(), full.storageBackend(), full.lastUsedAt(),
                "device_code", null);
    }
}
