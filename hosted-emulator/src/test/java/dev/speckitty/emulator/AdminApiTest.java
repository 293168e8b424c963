package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminApiTest extends EmulatorTestBase {

    @Test
    void countersCountCallsPerEndpointAndGrantsPerTypeAndReset() throws Exception {
        Map<String, Object> minted = http.postJson("/__admin/sessions", Map.of()).json();
        refresh((String) minted.get("refresh_token"));
        refresh((String) minted.get("refresh_token"));
        http.get("/api/v1/sync/health/");
        http.get("/no/such/path");

        Map<String, Object> counters = http.get("/__admin/counters").json();

        assertThat(counters.get("endpoints")).isEqualTo(Map.of("token", 2, "sync_health", 1, "not_found", 1));
        assertThat(counters.get("grant_requests")).isEqualTo(Map.of("refresh_token", 2));
        assertThat(counters.get("tokens_issued")).isEqualTo(Map.of("refresh_token", 1));
        assertThat(counters.get("token_errors")).isEqualTo(Map.of("invalid_grant", 1));

        assertThat(http.postJson("/__admin/counters/reset", Map.of()).status()).isEqualTo(200);
        assertThat(http.get("/__admin/counters").field("endpoints")).isEqualTo(Map.of());
    }

    @Test
    void mintingASeededSessionGivesEverythingAClientStores() throws Exception {
        Reply reply = http.postJson("/__admin/sessions", Map.of("session_id", "sess_seed",
                "access_token", "at_SENTINEL_1", "refresh_token", "rt_SENTINEL_1", "access_token_expires_in", 900,
                "email", "shared@example.com",
                "teams", List.of(Map.of("id", "t-shared", "name", "Shared", "role", "member"))));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json()).containsEntry("session_id", "sess_seed").containsEntry("access_token", "at_SENTINEL_1")
                .containsEntry("refresh_token", "rt_SENTINEL_1").containsEntry("expires_in", 900)
                .containsKeys("access_token_expires_at", "refresh_token_expires_at", "user");
        Reply me = me("at_SENTINEL_1");
        assertThat(me.json()).containsEntry("email", "shared@example.com");
        assertThat(http.get("/__admin/sessions/sess_seed").json()).containsEntry("generation", 1)
                .containsEntry("revoked", false).doesNotContainKeys("access_token", "refresh_token");

        Reply duplicate = http.postJson("/__admin/sessions", Map.of("session_id", "sess_seed"));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(http.postJson("/__admin/sessions", Map.of("access_token", "no-prefix")).status()).isEqualTo(400);
    }

    @Test
    void sessionsCanBeExpiredAndRevokedByTests() throws Exception {
        http.postJson("/__admin/sessions", Map.of("session_id", "sess_a", "access_token", "at_A", "refresh_token", "rt_A"));

        assertThat(http.postJson("/__admin/sessions/sess_a/expire-access-token", Map.of()).status()).isEqualTo(200);
        assertThat(me("at_A").text("error")).isEqualTo("access_token_expired");
        assertThat(http.postJson("/__admin/sessions/sess_a/revoke", Map.of()).status()).isEqualTo(200);
        assertThat(me("at_A").text("error")).isEqualTo("token_revoked");
        assertThat(refresh("rt_A").text("error")).isEqualTo("invalid_grant");
        assertThat(http.get("/__admin/counters").field("bearer_denials"))
                .isEqualTo(Map.of("access_token_expired", 1, "token_revoked", 1));
        assertThat(http.postJson("/__admin/sessions/nope/revoke", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void settingsAreReadAndPatched() throws Exception {
        Reply patched = http.postJson("/__admin/settings", Map.of("access_token_ttl", 5, "access_token_leeway", 2,
                "replay_window", 3,
                "auto_approve", true, "private_team", false, "me_without_private_team", true, "slow_down", false));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).containsEntry("access_token_ttl", 5).containsEntry("access_token_leeway", 2)
                .containsEntry("replay_window", 3)
                .containsEntry("auto_approve", true).containsEntry("private_team", false)
                .containsEntry("me_without_private_team", true).containsEntry("slow_down", false);
        assertThat(emulator.switches().accessTokenTtl().toSeconds()).isEqualTo(5);
        assertThat(emulator.signedInUser().privateTeam()).isEmpty();

        assertThat(http.postJson("/__admin/settings", Map.of("no_such_switch", true)).status()).isEqualTo(400);
        assertThat(http.postJson("/__admin/settings", Map.of("auto_approve", "yes")).status()).isEqualTo(400);
    }

    @Test
    void theMeOverrideAndSignedInUserAreSetOverHttp() throws Exception {
        http.putJson("/__admin/user", Map.of("email", "other@example.com", "name", "Other",
                "teams", List.of(Map.of("id", "t-priv", "name", "Mine", "role", "owner", "is_private_teamspace", true))));
        Map<String, Object> minted = http.postJson("/__admin/sessions", Map.of()).json();
        String access = (String) minted.get("access_token");
        assertThat(me(access).json()).containsEntry("email", "other@example.com");

        http.putJson("/__admin/me", Map.of("user_id", "u-9", "email", "nine@example.com", "teams", List.of()));
        assertThat(me(access).json()).containsEntry("user_id", "u-9");
        http.delete("/__admin/me");
        assertThat(me(access).json()).containsEntry("email", "other@example.com");
    }

    @Test
    void receivedEventsAndTheClockAreVisible() throws Exception {
        Map<String, Object> minted = http.postJson("/__admin/sessions", Map.of("access_token_expires_in", 60)).json();
        http.postGzipJson("/api/v1/events/batch/", Map.of("events", List.of(Map.of("event_id", "evt-9"))),
                "Authorization", Http.bearer((String) minted.get("access_token")), "X-Team-Slug", "t-private");

        assertThat(http.get("/__admin/events").body()).contains("evt-9").contains("t-private");
        assertThat(http.postJson("/__admin/clock", Map.of("advance_seconds", 61)).json())
                .containsEntry("clock_offset_seconds", 61);
        assertThat(me((String) minted.get("access_token")).status()).isEqualTo(401);
    }

    @Test
    void aFullResetForgetsSessionsSwitchesAndFaults() throws Exception {
        Map<String, Object> minted = http.postJson("/__admin/sessions", Map.of()).json();
        http.postJson("/__admin/settings", Map.of("auto_approve", true));
        http.postJson("/__admin/faults", Map.of("endpoint", "me", "status", 500));

        assertThat(http.postJson("/__admin/reset", Map.of()).status()).isEqualTo(200);

        assertThat(me((String) minted.get("access_token")).status()).isEqualTo(401);
        assertThat(http.get("/__admin/settings").json()).containsEntry("auto_approve", false);
        assertThat(http.get("/__admin/faults").json()).isEmpty();
    }
}
