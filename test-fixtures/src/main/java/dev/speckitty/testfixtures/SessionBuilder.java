package dev.speckitty.testfixtures;

import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link StoredSession} by name instead of by sixteen positional arguments.
 *
 * <p>Defaults make a valid session: the {@link Teams#PRIVATE} team (also the default team), issued now,
 * access token valid for an hour, refresh token for 30 days. Unless a test names its tokens, each
 * builder generates its own, obviously fake and easy to grep for in output that must not show them:
 * {@code at_SENTINEL_fake_<hex>} and {@code rt_SENTINEL_fake_<hex>}.
 */
public final class SessionBuilder {

    /** Every generated access token starts with this. */
    public static final String FAKE_ACCESS_PREFIX = "at_SENTINEL_fake_";
    /** Every generated refresh token starts with this. */
    public static final String FAKE_REFRESH_PREFIX = "rt_SENTINEL_fake_";

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

    private String userId = "u-1";
    private String email = "dev@example.com";
    private String name = "Dev";
    private List<Team> teams = List.of(Teams.PRIVATE);
    private String defaultTeamId; // null: picked from the teams as login does
    private String accessToken = FAKE_ACCESS_PREFIX + randomHex();
    private String refreshToken = FAKE_REFRESH_PREFIX + randomHex();
    private String sessionId = "sess_fixture";
    private Instant issuedAt;
    private Instant accessTokenExpiresAt;
    private Instant refreshTokenExpiresAt;
    private boolean refreshExpirySet;
    private String scope = "offline_access";
    private String storageBackend = StoredSession.FILE_BACKEND;
    private Instant lastUsedAt;
    private String authMethod = "authorization_code";
    private Long generation;

    private SessionBuilder() {}

    /** A valid session with the defaults above. */
    public static SessionBuilder aSession() {
        return new SessionBuilder();
    }

    /** Starts from every field of {@code session}, to change a few. */
    public static SessionBuilder from(StoredSession session) {
        SessionBuilder builder = new SessionBuilder();
        builder.userId = session.userId();
        builder.email = session.email();
        builder.name = session.name();
        builder.teams = session.teams();
        builder.defaultTeamId = session.defaultTeamId();
        builder.accessToken = session.accessToken().reveal();
        builder.refreshToken = session.refreshToken().reveal();
        builder.sessionId = session.sessionId();
        builder.issuedAt = session.issuedAt();
        builder.accessTokenExpiresAt = session.accessTokenExpiresAt();
        builder.refreshTokenExpiresAt(session.refreshTokenExpiresAt());
        builder.scope = session.scope();
        builder.storageBackend = session.storageBackend();
        builder.lastUsedAt = session.lastUsedAt();
        builder.authMethod = session.authMethod();
        builder.generation = session.generation();
        return builder;
    }

    public SessionBuilder userId(String value) {
        userId = value;
        return this;
    }

    public SessionBuilder email(String value) {
        email = value;
        return this;
    }

    public SessionBuilder name(String value) {
        name = value;
        return this;
    }

    /** The memberships; unless {@link #defaultTeamId} is given, the default is picked from them. */
    public SessionBuilder teams(List<Team> value) {
        teams = List.copyOf(value);
        return this;
    }

    public SessionBuilder teams(Team... value) {
        return teams(List.of(value));
    }

    public SessionBuilder defaultTeamId(String value) {
        defaultTeamId = value;
        return this;
    }

    public SessionBuilder accessToken(String value) {
        accessToken = value;
        return this;
    }

    public SessionBuilder refreshToken(String value) {
        refreshToken = value;
        return this;
    }

    public SessionBuilder sessionId(String value) {
        sessionId = value;
        return this;
    }

    /** When it was issued; unset expiries and last use are measured from here. */
    public SessionBuilder issuedAt(Instant value) {
        issuedAt = value;
        return this;
    }

    public SessionBuilder accessTokenExpiresAt(Instant value) {
        accessTokenExpiresAt = value;
        return this;
    }

    /** Null means the server never said (a legacy or standards-server session). */
    public SessionBuilder refreshTokenExpiresAt(Instant value) {
        refreshTokenExpiresAt = value;
        refreshExpirySet = true;
        return this;
    }

    public SessionBuilder scope(String value) {
        scope = value;
        return this;
    }

    public SessionBuilder storageBackend(String value) {
        storageBackend = value;
        return this;
    }

    public SessionBuilder lastUsedAt(Instant value) {
        lastUsedAt = value;
        return this;
    }

    public SessionBuilder authMethod(String value) {
        authMethod = value;
        return this;
    }

    public SessionBuilder generation(Long value) {
        generation = value;
        return this;
    }

    public StoredSession build() {
        Instant issued = issuedAt != null ? issuedAt : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new StoredSession(userId, email, name, teams,
                defaultTeamId != null ? defaultTeamId : Team.pickDefaultTeamId(teams).orElse(""),
                Secret.of(Objects.requireNonNull(accessToken, "access token")),
                Secret.of(Objects.requireNonNull(refreshToken, "refresh token")), sessionId, issued,
                accessTokenExpiresAt != null ? accessTokenExpiresAt : issued.plus(ACCESS_LIFETIME),
                refreshExpirySet ? refreshTokenExpiresAt : issued.plus(REFRESH_LIFETIME), scope, storageBackend,
                lastUsedAt != null ? lastUsedAt : issued, authMethod, generation);
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
