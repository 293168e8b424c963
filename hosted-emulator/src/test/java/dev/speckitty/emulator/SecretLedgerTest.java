package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.IssuedTokens;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.ObservedSecret;
import dev.speckitty.emulator.state.SecretKind;
import dev.speckitty.emulator.state.SessionSeed;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-support record of every secret (for leak audits) and the token endpoint's refusal counters. */
class SecretLedgerTest extends EmulatorTestBase {

    private static final String REDIRECT = "http://127.0.0.1:28888/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    @Test
    void everyIssuedTokenCodeAndDeviceCodeAndEveryReceivedVerifierIsRecorded() throws Exception {
        emulator.switches().autoApprove(true);
        emulator.switches().slowDown(false);

        String code = authorizationCode();
        Map<String, Object> browser = http.postForm("/oauth/token", Http.form("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "client_id", "cli_native", "code_verifier", VERIFIER)).json();
        Map<String, Object> device = http.postForm("/oauth/device", Http.form("client_id", "cli_native")).json();
        pollDevice(device);
        Map<String, Object> headless = pollDevice(device).json();
        Map<String, Object> rotated = refresh((String) browser.get("refresh_token")).json();

        List<ObservedSecret> secrets = emulator.secrets();
        assertThat(values(secrets, SecretKind.AUTHORIZATION_CODE)).containsExactly(code);
        assertThat(values(secrets, SecretKind.CODE_VERIFIER)).containsExactly(VERIFIER);
        assertThat(values(secrets, SecretKind.DEVICE_CODE)).containsExactly((String) device.get("device_code"));
        assertThat(values(secrets, SecretKind.ACCESS_TOKEN)).containsExactly((String) browser.get("access_token"),
                (String) headless.get("access_token"), (String) rotated.get("access_token"));
        assertThat(values(secrets, SecretKind.REFRESH_TOKEN)).containsExactly((String) browser.get("refresh_token"),
                (String) headless.get("refresh_token"), (String) rotated.get("refresh_token"));
        assertThat(secrets.toString()).as("toString names kinds, not values").doesNotContain(VERIFIER, code);

        List<IssuedTokens> issued = emulator.issuedTokens();
        assertThat(issued).extracting(IssuedTokens::generation).containsExactly(1, 1, 2);
        assertThat(issued.get(2).sessionId()).isEqualTo(browser.get("session_id"));
        assertThat(issued.get(2).issuedAt()).isAfterOrEqualTo(issued.get(0).issuedAt());
        assertThat(emulator.session((String) browser.get("session_id")))
                .hasValueSatisfying(session -> assertThat(session.generation()).isEqualTo(2));

        emulator.reset();
        assertThat(emulator.secrets()).isEmpty();
        assertThat(emulator.issuedTokens()).isEmpty();
    }

    @Test
    void seededTokensAreRecordedToo() {
        emulator.mintSession(SessionSeed.signedInUser().withTokens("at_SENTINEL_9", "rt_SENTINEL_9"));

        assertThat(emulator.secrets()).extracting(ObservedSecret::value).containsExactly("at_SENTINEL_9", "rt_SENTINEL_9");
    }

    @Test
    void tokenEndpointRefusalsAreCountedByErrorCode() throws Exception {
        emulator.switches().replayWindow(Duration.ofSeconds(5));
        MintedSession session = emulator.mintSession();
        refresh(session.refreshToken());
        refresh(session.refreshToken()); // spent moments ago: 409
        refresh("rt_never_issued"); // invalid_grant
        http.postForm("/oauth/token", Http.form("grant_type", "password", "client_id", "cli_native"));

        assertThat(emulator.counters().tokenErrors("refresh_replay_benign_retry")).isEqualTo(1);
        assertThat(emulator.counters().tokenErrors("invalid_grant")).isEqualTo(1);
        assertThat(emulator.counters().tokenErrors("unsupported_grant_type")).isEqualTo(1);
        assertThat(http.get("/__admin/counters").json().get("token_errors")).isEqualTo(Map.of(
                "refresh_replay_benign_retry", 1, "invalid_grant", 1, "unsupported_grant_type", 1));
    }

    private static List<String> values(List<ObservedSecret> secrets, SecretKind kind) {
        return secrets.stream().filter(secret -> secret.kind() == kind).map(ObservedSecret::value).toList();
    }

    private static String authorizationCode() throws Exception {
        Reply reply = http.get("/oauth/authorize?client_id=cli_native&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&response_type=code&code_challenge="
                + AuthorizationCodeFlowTest.challenge(VERIFIER) + "&code_challenge_method=S256&state=s1");
        assertThat(reply.status()).isEqualTo(302);
        String query = URI.create(reply.header("Location")).getRawQuery();
        return query.substring(query.indexOf("code=") + 5, query.indexOf('&', query.indexOf("code=")));
    }

    private static Reply pollDevice(Map<String, Object> device) throws Exception {
        return http.postForm("/oauth/token", Http.form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", (String) device.get("device_code"), "client_id", "cli_native"));
    }
}
