package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.MintedSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerTest extends EmulatorTestBase {

    @Test
    void statusAndPullAnswerForAnyTeamOfTheUser() throws Exception {
        MintedSession session = emulator.mintSession();

        Reply status = http.get("/api/v1/tracker/status", "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-shared");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json()).containsEntry("team_slug", "t-shared").containsEntry("connected", true);

        Reply pull = http.postJson("/api/v1/tracker/pull", Map.of(), "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-private");
        assertThat(pull.status()).isEqualTo(200);
        assertThat(pull.json()).containsEntry("pulled", 3).containsKey("items");
    }

    @Test
    void aForeignOrMissingTeamIs403WithTheEnvelope() throws Exception {
        MintedSession session = emulator.mintSession();
        Reply reply = http.get("/api/v1/tracker/status", "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-elsewhere");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json()).containsEntry("error_code", "not_a_team_member").containsKey("message");
        assertThat(http.get("/api/v1/tracker/status", "Authorization", Http.bearer(session.accessToken())).status())
                .isEqualTo(403);
    }

    @Test
    void aBadTokenIs401WithTheEnvelope() throws Exception {
        Reply reply = http.postJson("/api/v1/tracker/pull", Map.of(), "Authorization", Http.bearer("at_bad"),
                "X-Team-Slug", "t-private");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).containsEntry("error_code", "unauthenticated")
                .containsEntry("user_action_required", true);
    }
}
