package dev.speckitty.adapters.hosted.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.TokenGrant;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceFlowTest extends HostedWireMockTest {

    private void device(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/oauth/device")).willReturn(answer));
    }

    private DevicePoll poll(ResponseDefinitionBuilder answer) {
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(answer));
        return seen(oauth.pollDeviceToken(secret(DEVICE_CODE)));
    }

    @Test
    void deviceAuthorizationIsParsedWithDefaults() {
        device(okJson("{\"device_code\":\"dc_SENTINEL_x\",\"user_code\":\"ABCD1234\",\"verification_uri\":\"https://example.test/device\"}"));

        DeviceAuthorization auth = seen(oauth.requestDeviceAuthorization());

        assertThat(auth.deviceCode().reveal()).isEqualTo(DEVICE_CODE);
        assertThat(auth.userCode()).isEqualTo("ABCD1234");
        assertThat(auth.verificationUri()).isEqualTo("https://example.test/device");
        assertThat(auth.verificationUriComplete()).isNull();
        assertThat(auth.expiresInSeconds()).isEqualTo(900);
        assertThat(auth.intervalSeconds()).isEqualTo(5);
        server.verify(postRequestedFor(urlEqualTo("/oauth/device"))
                .withRequestBody(equalTo("client_id=cli_native&scope=offline_access")));
    }

    @Test
    void deviceAuthorizationKeepsServerValues() {
        device(okJson("""
                {"device_code":"dc_SENTINEL_x","user_code":"WDJB-MJHT","verification_uri":"https://example.test/device",
                 "verification_uri_complete":"https://example.test/device?user_code=WDJB-MJHT","expires_in":600,"interval":2}"""));
        DeviceAuthorization auth = oauth.requestDeviceAuthorization();
        assertThat(auth.verificationUriComplete()).endsWith("user_code=WDJB-MJHT");
        assertThat(auth.expiresInSeconds()).isEqualTo(600);
        assertThat(auth.intervalSeconds()).isEqualTo(2);
    }

    @Test
    void missingDeviceFieldIsNamed() {
        device(okJson("{\"device_code\":\"dc_SENTINEL_x\",\"verification_uri\":\"https://example.test/device\"}"));
        assertThat(thrown(AuthFlowException.class, oauth::requestDeviceAuthorization))
                .hasMessage("Device code response missing required field: 'user_code'");
    }

    @Test
    void invalidDeviceLifetimeIsRejected() {
        device(okJson("{\"device_code\":\"dc_SENTINEL_x\",\"user_code\":\"A\",\"verification_uri\":\"https://e.test\",\"expires_in\":-5}"));
        assertThat(thrown(AuthFlowException.class, oauth::requestDeviceAuthorization))
                .hasMessage("Device code response has invalid 'expires_in'.");
    }

    @Test
    void deviceRequestFailureShowsStatusAndCodeButNotTheBody() {
        device(aResponse().withStatus(400).withBody("{\"error\":\"invalid_client\",\"error_description\":\"BODY_MARKER_x\"}"));
        assertThat(thrown(AuthFlowException.class, oauth::requestDeviceAuthorization))
                .hasMessage("Device code request failed: HTTP 400 (invalid_client)");
    }

    @Test
    void deviceRequestNonJson() {
        device(aResponse().withStatus(200).withBody("<html>BODY_MARKER_x</html>"));
        assertThat(thrown(AuthFlowException.class, oauth::requestDeviceAuthorization))
                .hasMessage("Device code response was not JSON.");
    }

    @Test
    void deviceRequestTransportFailure() {
        device(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(thrown(AuthFlowException.class, oauth::requestDeviceAuthorization).getMessage())
                .startsWith("Network error requesting device code: ");
    }

    @Test
    void pollSendsTheDeviceGrantUrn() {
        poll(aResponse().withStatus(400).withBody("{\"error\":\"authorization_pending\"}"));
        server.verify(postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(equalTo(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=dc_SENTINEL_x&client_id=cli_native")));
    }

    @Test
    void pollErrorCodesMapToVariants() {
        assertThat(poll(aResponse().withStatus(400).withBody("{\"error\":\"authorization_pending\"}")))
                .isInstanceOf(DevicePoll.Pending.class);
        assertThat(poll(aResponse().withStatus(400).withBody("{\"error\":\"slow_down\"}")))
                .isInstanceOf(DevicePoll.SlowDown.class);
        assertThat(poll(aResponse().withStatus(400).withBody("{\"error\":\"access_denied\"}")))
                .isEqualTo(new DevicePoll.Denied(
                        "User denied the authorization request. Run `spec-kitty auth login --headless` to try again."));
        assertThat(poll(aResponse().withStatus(400).withBody("{\"error\":\"expired_token\"}")))
                .isEqualTo(new DevicePoll.Expired(
                        "Device code expired before approval. Run `spec-kitty auth login --headless` to try again."));
    }

    @Test
    void unknownErrorShowsASanitisedDescriptionOrTheCode() {
        assertThat(poll(aResponse().withStatus(400).withBody("{\"error\":\"invalid_scope\"}")))
                .isEqualTo(new DevicePoll.Denied("Unexpected device flow error: invalid_scope"));
        DevicePoll withDescription = poll(aResponse().withStatus(400).withBody(
                "{\"error\":\"weird\",\"error_description\":\"code dc_SENTINEL_x refused\\u0007\\nby policy 9f8e7d6c5b4a39281716\"}"));
        assertThat(withDescription)
                .isEqualTo(new DevicePoll.Denied("Unexpected device flow error: code [redacted] refused\\x07 by policy [redacted]"));
    }

    @Test
    void grantedTokenResponseIsFullyValidated() {
        DevicePoll poll = poll(okJson("""
                {"access_token":"at_SENTINEL_x","refresh_token":"rt_SENTINEL_x","expires_in":3600,"session_id":"sess-1",
                 "refresh_token_expires_at":"2031-05-06T07:08:09Z","scope":"offline_access"}"""));
        TokenGrant grant = ((DevicePoll.Granted) poll).grant();
        assertThat(grant.accessToken().reveal()).isEqualTo(ACCESS);
        assertThat(grant.refreshToken().reveal()).isEqualTo(REFRESH);
        assertThat(grant.sessionId()).isEqualTo("sess-1");
        assertThat(grant.refreshTokenExpiresAt()).isEqualTo(Instant.parse("2031-05-06T07:08:09Z"));
        assertThat(grant.scope()).isEqualTo("offline_access");
    }

    @Test
    void grantMissingFieldsIsAClearFailureNotACrash() {
        assertThat(poll(okJson("{\"access_token\":\"at_SENTINEL_x\",\"expires_in\":3600}")))
                .isEqualTo(new DevicePoll.Failed("Token response missing required fields: [refresh_token]"));
        assertThat(poll(okJson("{\"access_token\":\"at_SENTINEL_x\",\"refresh_token\":\"rt_SENTINEL_x\",\"expires_in\":\"x\",\"session_id\":\"s\"}")))
                .isEqualTo(new DevicePoll.Failed("Token response missing or invalid 'expires_in' field."));
    }

    @Test
    void unexpectedStatusStopsPolling() {
        assertThat(poll(aResponse().withStatus(500).withBody("BODY_MARKER_x")))
                .isEqualTo(new DevicePoll.Failed("Unexpected response from /oauth/token: HTTP 500"));
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void nonJsonPollAnswerFails() {
        assertThat(poll(aResponse().withStatus(200).withBody("<html>BODY_MARKER_x</html>")))
                .isEqualTo(new DevicePoll.Failed("Token poll response was not JSON (HTTP 200)."));
    }

    @Test
    void transportFailureLetsPollingGoOn() {
        assertThat(poll(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)))
                .isInstanceOf(DevicePoll.TransportFailed.class);
        assertThat(poll(okJson("{}").withFixedDelay(SLOW_MILLIS))).isInstanceOf(DevicePoll.TransportFailed.class);
    }
}
