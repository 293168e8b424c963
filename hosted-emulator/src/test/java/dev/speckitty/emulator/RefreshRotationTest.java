package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.RefreshTokenState;
import dev.speckitty.emulator.state.SessionSeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshRotationTest extends EmulatorTestBase {

    @Test
    void eachRefreshRotatesBothTokensAndTheSpentOneIsInvalidGrant() throws Exception {
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser()
                .withSessionId("sess_seed").withTokens("at_SENTINEL_1", "rt_SENTINEL_1"));

        Reply first = refresh("rt_SENTINEL_1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("refresh_token")).startsWith("rt_").isNotEqualTo("rt_SENTINEL_1");
        assertThat(first.text("access_token")).startsWith("at_").isNotEqualTo("at_SENTINEL_1");
        assertThat(first.field("session_id")).isEqualTo("sess_seed");
        assertThat(first.field("generation")).isEqualTo(2);

        Reply spent = refresh(session.refreshToken());
        assertThat(spent.status()).isEqualTo(400);
        assertThat(spent.text("error")).isEqualTo("invalid_grant");

        Reply second = refresh(first.text("refresh_token"));
        assertThat(second.field("generation")).isEqualTo(3);
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(2);
        assertThat(emulator.counters().grantRequests(GrantType.REFRESH_TOKEN)).isEqualTo(3);
        assertThat(http.get("/api/v1/session-status", "Authorization", Http.bearer(second.text("access_token")))
                .field("current_generation")).isEqualTo(3);
    }

    @Test
    void testsCanAskWhichRefreshTokenIsCurrentAndWhichIsSpent() throws Exception {
        MintedSession session = emulator.mintSession();
        assertThat(emulator.refreshTokenState(session.refreshToken())).isEqualTo(RefreshTokenState.CURRENT);

        Reply rotated = refresh(session.refreshToken());

        assertThat(emulator.refreshTokenState(session.refreshToken())).isEqualTo(RefreshTokenState.SPENT);
        assertThat(emulator.refreshTokenState(rotated.text("refresh_token"))).isEqualTo(RefreshTokenState.CURRENT);
        assertThat(emulator.refreshTokenState("rt_never_issued")).isEqualTo(RefreshTokenState.UNKNOWN);
        assertThat(emulator.session(session.sessionId())).hasValueSatisfying(s -> assertThat(s.generation()).isEqualTo(2));
        assertThat(emulator.session("sess_unknown")).isEmpty();
    }

    @Test
    void inTheReplayWindowASpentTokenIsABenign409ThenInvalidGrantAfterIt() throws Exception {
        emulator.switches().replayWindow(Duration.ofSeconds(5));
        emulator.switches().replayRetryAfterSeconds(2);
        MintedSession session = emulator.mintSession();
        assertThat(refresh(session.refreshToken()).status()).isEqualTo(200);

        Reply replay = refresh(session.refreshToken());

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json()).containsEntry("error", "refresh_replay_benign_retry")
                .containsEntry("retry_after", 2).containsKey("error_description");
        emulator.advanceClock(Duration.ofSeconds(6));
        assertThat(refresh(session.refreshToken()).text("error")).isEqualTo("invalid_grant");
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    }

    @Test
    void reuseRevokesTheFamilyWhenThatSwitchIsOn() throws Exception {
        emulator.switches().revokeFamilyOnReuse(true);
        MintedSession session = emulator.mintSession();
        Reply rotated = refresh(session.refreshToken());

        assertThat(refresh(session.refreshToken()).text("error")).isEqualTo("invalid_grant");

        assertThat(refresh(rotated.text("refresh_token")).text("error")).isEqualTo("invalid_grant");
        assertThat(me(rotated.text("access_token")).status()).isEqualTo(401);
    }

    @Test
    void anExpiredRefreshTokenIsInvalidGrant() throws Exception {
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser().withRefreshTokenTtl(Duration.ofSeconds(60)));
        emulator.advanceClock(Duration.ofSeconds(61));
        assertThat(refresh(session.refreshToken()).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void configuredLifetimesShowInTheResponse() throws Exception {
        emulator.switches().accessTokenTtl(Duration.ofSeconds(30));
        emulator.switches().refreshTokenTtl(Duration.ofSeconds(3600));
        Reply reply = refresh(emulator.mintSession().refreshToken());
        assertThat(reply.json()).containsEntry("expires_in", 30).containsEntry("refresh_token_expires_in", 3600);
    }

    @Test
    void anotherClientIdCannotRefresh() throws Exception {
        MintedSession session = emulator.mintSession();
        Reply reply = http.postForm("/oauth/token", Http.form("grant_type", "refresh_token",
                "refresh_token", session.refreshToken(), "client_id", "someone_else"));
        assertThat(reply.text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void unsupportedAndMissingFieldsGiveRfc6749Errors() throws Exception {
        assertThat(http.postForm("/oauth/token", Http.form("grant_type", "password", "client_id", "cli_native"))
                .text("error")).isEqualTo("unsupported_grant_type");
        assertThat(http.postForm("/oauth/token", Http.form("grant_type", "refresh_token", "client_id", "cli_native"))
                .text("error")).isEqualTo("invalid_request");
        assertThat(http.postForm("/oauth/token", Http.form("grant_type", "refresh_token", "refresh_token", "rt_x"))
                .text("error")).isEqualTo("invalid_request");
    }

    @Test
    void concurrentRefreshesOfOneTokenRotateExactlyOnce() throws Exception {
        MintedSession session = emulator.mintSession();
        var results = java.util.stream.IntStream.range(0, 8).parallel().mapToObj(i -> {
            try {
                return refresh(session.refreshToken()).status();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        assertThat(results).containsOnly(200, 400).filteredOn(status -> status == 200).hasSize(1);
        assertThat(emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN)).isEqualTo(1);
    }
}
