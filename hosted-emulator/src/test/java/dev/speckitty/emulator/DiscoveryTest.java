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
        String introspection = (String) metadata.get("introspection_endpoint");
        assertThat(introspection).endsWith("/oauth2/introspect");
        assertThat((String) metadata.get("userinfo_endpoint")).endsWith("/oauth2/userinfo");

        Map<String, Object> device = http.postForm((String) metadata.get("device_authorization_endpoint"),
                Http.form("client_id", "cli_native", "scope", "offline_access")).json();
        Map<String, String> poll = Http.form("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", (String) device.get("device_code"), "client_id", "cli_native");
        assertThat(http.postForm(tokenEndpoint, poll).text("error")).isEqualTo("authorization_pending");
        Reply tokens = http.postForm(tokenEndpoint, poll);
        assertThat(tokens.status()).isEqualTo(200);
        // decision 16: a strict server sends RFC 6749 §5.1 fields only
        assertThat(tokens.json()).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token", "scope");

        Reply refreshed = http.postForm(tokenEndpoint, Http.form("grant_type", "refresh_token",
                "refresh_token", tokens.text("refresh_token"), "client_id", "cli_native"));
        assertThat(refreshed.json()).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token", "scope");
        String access = refreshed.text("access_token");
        assertThat(http.postForm(introspection, Http.form("token", access, "token_type_hint", "access_token",
                "client_id", "cli_native")).json()).containsEntry("active", true).containsKey("exp");
        assertThat(http.postForm(introspection, Http.form("token", access)).status())
                .as("introspection without client_id").isEqualTo(401);
        assertThat(http.get("/api/v1/session-status", "Authorization", "Bearer " + access).status()).isEqualTo(404);
        assertThat(me(access).json()).containsKeys("user_id", "email", "teams")
                .doesNotContainKeys("session_id", "refresh_token_expires_at");

        Reply withoutClient = http.postForm((String) metadata.get("revocation_endpoint"), Http.form(
                "token", refreshed.text("refresh_token"), "token_type_hint", "refresh_token"));
        assertThat(withoutClient.status()).as("a public client must name itself").isEqualTo(401);
        assertThat(withoutClient.text("error")).isEqualTo("invalid_client");
        Reply revoked = http.postForm((String) metadata.get("revocation_endpoint"), Http.form(
                "token", refreshed.text("refresh_token"), "token_type_hint", "refresh_token", "client_id", "cli_native"));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).as("RFC 7009 §2.2: an empty 200").isEmpty();
        assertThat(me(access).status()).isEqualTo(401);
        assertThat(http.postForm(introspection, Http.form("token", access, "client_id", "cli_native")).json())
                .isEqualTo(Map.of("active", false));
    }
}
