package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.SessionSeed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountTest extends EmulatorTestBase {

    @Test
    void meDescribesTheUserAndTeamsWithThePrivateTeamspaceMarked() throws Exception {
        MintedSession session = emulator.mintSession();

        Reply reply = me(session.accessToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("user_id", "u-dev").containsEntry("email", "dev@example.com")
                .containsEntry("name", "Dev User").containsKey("refresh_token_expires_at");
        assertThat(teams(reply)).containsExactly(
                Map.of("id", "t-private", "name", "Private", "role", "owner", "is_private_teamspace", true),
                Map.of("id", "t-shared", "name", "Shared", "role", "member", "is_private_teamspace", false));
    }

    @Test
    void sessionStatusIsActiveWithTheGeneration() throws Exception {
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser().withSessionId("sess_seed"));

        Reply reply = http.get("/api/v1/session-status", "Authorization", Http.bearer(session.accessToken()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsExactlyInAnyOrderEntriesOf(
                Map.of("session_id", "sess_seed", "status", "active", "current_generation", 1));
    }

    @Test
    void badMissingAndExpiredTokensAre401WithAChallenge() throws Exception {
        MintedSession session = emulator.mintSession();

        Reply missing = http.get("/api/v1/me");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(me("at_nonsense").text("error")).isEqualTo("invalid_token");

        emulator.expireAccessTokens(session.sessionId());
        Reply expired = me(session.accessToken());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("error")).isEqualTo("access_token_expired");
        assertThat(http.get("/api/v1/session-status", "Authorization", Http.bearer(session.accessToken())).status())
                .isEqualTo(401);
        assertThat(refresh(session.refreshToken()).status()).as("the refresh token still works").isEqualTo(200);
    }

    @Test
    void accessTokensExpireWithTime() throws Exception {
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser().withAccessTokenTtl(Duration.ofSeconds(10)));
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
        emulator.advanceClock(Duration.ofSeconds(10));
        assertThat(me(session.accessToken()).status()).isEqualTo(401);
    }

    @Test
    void theLeewayAcceptsAnAccessTokenThatLongPastItsExpiryAndNotLonger() throws Exception {
        emulator.switches().accessTokenLeeway(Duration.ofSeconds(30));
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser().withAccessTokenTtl(Duration.ofSeconds(10)));
        emulator.advanceClock(Duration.ofSeconds(39));
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
        emulator.advanceClock(Duration.ofSeconds(1));
        assertThat(me(session.accessToken()).text("error")).isEqualTo("access_token_expired");
    }

    @Test
    void meCanLeaveOutThePrivateTeam() throws Exception {
        emulator.switches().meWithoutPrivateTeam(true);
        assertThat(teams(me(emulator.mintSession().accessToken())))
                .extracting(team -> team.get("id")).containsExactly("t-shared");
    }

    @Test
    void meCanAnswerAnOverriddenBody() throws Exception {
        MintedSession session = emulator.mintSession();
        emulator.meOverride(Map.of("user_id", "u-x", "email", "x@example.com",
                "teams", List.of(Map.of("id", "t-priv", "name", "Mine", "role", "owner", "is_private_teamspace", true))));

        assertThat(me(session.accessToken()).json()).containsEntry("user_id", "u-x");
        assertThat(me("at_nonsense").status()).as("still needs a valid token").isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> teams(Reply reply) {
        return (List<Map<String, Object>>) reply.field("teams");
    }
}
