package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceFlowTest extends EmulatorTestBase {

    @Test
    void deviceAuthorizationAnswersEveryRfc8628Field() throws Exception {
        Reply reply = http.postForm("/oauth/device", Http.form("client_id", "cli_native", "scope", "offline_access"));

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(body.get("user_code").toString()).matches("[A-Z]{4}-\\d{4}");
        assertThat(body).containsEntry("verification_uri", emulator.baseUrl() + "/device")
                .containsEntry("expires_in", 900).containsEntry("interval", 1)
                .containsEntry("verification_uri_complete",
                        emulator.baseUrl() + "/device?user_code=" + body.get("user_code"));
        assertThat(body.get("device_code").toString()).startsWith("dc_");
    }

    @Test
    void aConfiguredUserCodeIsHandedOutVerbatimUntilCleared() throws Exception {
        String hostile = "AB\u001b[2J\u009b31mCD\nFAKE: + Authenticated as admin";
        Reply set = http.postJson("/__admin/settings", Map.of("device_user_code", hostile));
        assertThat(set.status()).isEqualTo(200);
        assertThat(startDevice().get("user_code")).isEqualTo(hostile);

        emulator.switches().deviceUserCode(null);
        assertThat(startDevice().get("user_code").toString()).matches("[A-Z]{4}-\\d{4}");
    }

    @Test
    void pendingUntilTheUserApprovesOnTheVerificationPage() throws Exception {
        emulator.switches().slowDown(false);
        Map<String, Object> device = startDevice();
        assertThat(poll(device).text("error")).isEqualTo("authorization_pending");

        Reply page = http.get("/device?user_code=" + device.get("user_code"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(device.get("user_code").toString());
        Reply approved = http.postForm("/device",
                Http.form("user_code", device.get("user_code").toString().toLowerCase(), "decision", "approve"));
        assertThat(approved.status()).isEqualTo(200);

        Reply tokens = poll(device);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.text("access_token")).startsWith("at_");
        assertThat(tokens.field("generation")).isEqualTo(1);
        assertThat(poll(device).text("error")).as("a device code is exchanged once").isEqualTo("invalid_grant");
        assertThat(emulator.counters().tokensIssued(GrantType.DEVICE_CODE)).isEqualTo(1);
        assertThat(emulator.counters().grantRequests(GrantType.DEVICE_CODE)).isEqualTo(3);
    }

    @Test
    void autoApproveAnswersPendingOnceThenTokens() throws Exception {
        emulator.switches().autoApprove(true);
        emulator.switches().slowDown(false);
        Map<String, Object> device = startDevice();

        assertThat(poll(device).text("error")).isEqualTo("authorization_pending");
        assertThat(poll(device).status()).isEqualTo(200);
    }

    @Test
    void pollingFasterThanTheIntervalIsSlowDown() throws Exception {
        emulator.switches().deviceInterval(Duration.ofSeconds(5));
        Map<String, Object> device = startDevice();

        assertThat(poll(device).text("error")).isEqualTo("authorization_pending");
        Reply tooFast = poll(device);

        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.text("error")).isEqualTo("slow_down");
        emulator.advanceClock(Duration.ofSeconds(6));
        assertThat(poll(device).text("error")).as("the interval grew by 5 s to 10 s").isEqualTo("slow_down");
        emulator.advanceClock(Duration.ofSeconds(16));
        assertThat(poll(device).text("error")).as("and by 5 s more to 15 s").isEqualTo("authorization_pending");
    }

    @Test
    void withSlowDownSwitchedOffFastPollsArePending() throws Exception {
        emulator.switches().deviceInterval(Duration.ofSeconds(5));
        emulator.switches().slowDown(false);
        Map<String, Object> device = startDevice();

        assertThat(poll(device).text("error")).isEqualTo("authorization_pending");
        assertThat(poll(device).text("error")).isEqualTo("authorization_pending");
    }

    @Test
    void aDeniedCodeAnswersAccessDenied() throws Exception {
        Map<String, Object> device = startDevice();

        http.postForm("/device", Http.form("user_code", device.get("user_code").toString(), "decision", "deny"));

        Reply reply = poll(device);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("access_denied");
    }

    @Test
    void anExpiredCodeAnswersExpiredTokenAndCannotBeApproved() throws Exception {
        Map<String, Object> device = startDevice();

        emulator.advanceClock(Duration.ofSeconds(901));

        assertThat(poll(device).text("error")).isEqualTo("expired_token");
        assertThat(http.postForm("/device",
                Http.form("user_code", device.get("user_code").toString(), "decision", "approve")).status())
                .isEqualTo(400);
    }

    @Test
    void aDeviceRequestWithoutClientIdIsInvalidRequest() throws Exception {
        Reply reply = http.postForm("/oauth/device", Http.form("scope", "offline_access"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("invalid_request");
    }

    private static Map<String, Object> startDevice() throws Exception {
        return http.postForm("/oauth/device", Http.form("client_id", "cli_native", "scope", "offline_access")).json();
    }

    private static Reply poll(Map<String, Object> device) throws Exception {
        return http.postForm("/oauth/token", Http.form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", device.get("device_code").toString(), "client_id", "cli_native"));
    }
}
