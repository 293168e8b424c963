package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest extends EmulatorTestBase {

    @Test
    void metadataPointsAtTheSpecKittyDefaultPaths() throws Exception {
        Reply reply = http.get("/.well-known/oauth-authorization-server");

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> metadata = reply.json();
        String base = emulator.baseUrl();
        assertThat(metadata).containsEntry("issuer", base)
                .containsEntry("authorization_endpoint", base + "/oauth/authorize")
                .containsEntry("token_endpoint", base + "/oauth/token")
                .containsEntry("device_authorization_endpoint", base + "/oauth/device")
                .containsEntry("revocation_endpoint", base + "/oauth/revoke");
        assertThat((Iterable<Object>) metadata.get("grant_types_supported")).containsExactlyInAnyOrder(
                "authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat((Iterable<Object>) metadata.get("code_challenge_methods_supported")).containsExactly("S256");
        assertThat((Iterable<Object>) metadata.get("response_types_supported")).containsExactly("code");
    }

    @Test
    void standardOnlyModeMovesEveryEndpointAndTheDefaultPathsAnswer404() throws Exception {
        emulator.switches().standardOnly(true);
        Map<String, Object> metadata = http.get("/.well-known/oauth-authorization-server").json();
        String base = emulator.baseUrl();
        assertThat(metadata).containsEntry("authorization_endpoint", base + "/oauth2/authorize")
                .containsEntry("token_endpoint", base + "/oauth2/token")
                .containsEntry("device_authorization_endpoint", base + "/oauth2/device_authorization")
                .containsEntry("revocation_endpoint", base + "/oauth2/revoke");

        Map<String, String> device = Http.form("client_id", "cli_native", "scope", "offline_access");
        assertThat(http.postForm("/oauth/device", device).status()).isEqualTo(404);
        assertThat(http.postForm("/oauth/token", Http.form("grant_type", "refresh_token")).status()).isEqualTo(404);
        assertThat(http.postForm("/oauth/revoke", Http.form("token", "rt_x")).status()).isEqualTo(404);
        assertThat(http.postForm((String) metadata.get("device_authorization_endpoint"), device).status())
                .isEqualTo(200);
    }

    @Test
    void standardPathsAnswer404InDefaultMode() throws Exception {
        assertThat(http.postForm("/oauth2/device_authorization", Http.form("client_id", "cli_native")).status())
                .isEqualTo(404);
    }

    @Test
    void withoutDiscoveryTheMetadataIs404ButTheDefaultPathsStillWork() throws Exception {
        emulator.switches().discovery(false);

        assertThat(http.get("/.well-known/oauth-authorization-server").status()).isEqualTo(404);
        assertThat(http.postForm("/oauth/device", Http.form("client_id", "cli_native")).status()).isEqualTo(200);
    }

    @Test
    void aClientFollowingDiscoveryCompletesDeviceLoginRefreshAndRevokeInStandardOnlyMode() throws Exception {
        emulator.switches().standardOnly(true);
        emulator.switches().autoApprove(true);
        emulator.switches().slowDown(false);
        Map<String, Object> metadata = http.get("/.well-known/oauth-authorization-server").json();
        String tokenEndpoint = (String) metadata.get("token_endpoint");

        Map<String, Object> device = http.postForm((String) metadata.get("device_authorization_endpoint"),
                Http.form("client_id", "cli_native", "scope", "offline_access")).json();
        Map<String, String> poll = Http.form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", (String) device.get("device_code"), "client_id", "cli_native");
        assertThat(http.postForm(tokenEndpoint, poll).text("error")).isEqualTo("authorization_pending");
        Reply tokens = http.postForm(tokenEndpoint, poll);
        assertThat(tokens.status()).isEqualTo(200);

        Reply refreshed = http.postForm(tokenEndpoint, Http.form("grant_type", "refresh_token",
                "refresh_token", tokens.text("refresh_token"), "client_id", "cli_native"));
        assertThat(refreshed.field("generation")).isEqualTo(2);
        assertThat(http.postForm((String) metadata.get("revocation_endpoint"), Http.form(
                "token", refreshed.text("refresh_token"), "token_type_hint", "refresh_token")).json())
                .containsEntry("revoked", true);
        assertThat(me(refreshed.text("access_token")).status()).isEqualTo(401);
    }
}
