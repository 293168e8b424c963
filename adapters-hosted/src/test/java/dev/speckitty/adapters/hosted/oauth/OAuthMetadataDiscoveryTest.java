package dev.speckitty.adapters.hosted.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.RefreshResult;
import java.net.URI;
import org.junit.jupiter.api.Test;

class OAuthMetadataDiscoveryTest extends HostedWireMockTest {

    private static final String WELL_KNOWN = "/.well-known/oauth-authorization-server";

    private void metadata(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlEqualTo(WELL_KNOWN)).willReturn(answer));
    }

    private String standardMetadata() {
        String b = baseUrl();
        return """
                {"issuer":"%s/","authorization_endpoint":"%s/as/authorize","token_endpoint":"%s/as/token",
                 "device_authorization_endpoint":"%s/as/device","revocation_endpoint":"%s/as/revoke",
                 "grant_types_supported":["authorization_code","refresh_token","urn:ietf:params:oauth:grant-type:device_code"],
                 "code_challenge_methods_supported":["S256"]}""".formatted(b, b, b, b, b);
    }

    private void assertDefaults(OAuthEndpoints endpoints) {
        assertThat(endpoints).isEqualTo(OAuthMetadataDiscovery.defaults(this.endpoints));
        assertThat(endpoints.token()).isEqualTo(URI.create(baseUrl() + "/oauth/token"));
        assertThat(endpoints.deviceAuthorization()).isEqualTo(URI.create(baseUrl() + "/oauth/device"));
        assertThat(endpoints.revocation()).isEqualTo(URI.create(baseUrl() + "/oauth/revoke"));
        assertThat(endpoints.authorization()).isEqualTo(URI.create(baseUrl() + "/oauth/authorize"));
        assertThat(endpoints.discovered()).isFalse();
    }

    @Test
    void publishedMetadataIsUsedForEveryEndpoint() {
        metadata(okJson(standardMetadata()));
        server.stubFor(post(urlEqualTo("/as/token")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

        OAuthEndpoints endpoints = discovery.endpoints();

        assertThat(endpoints.discovered()).isTrue();
        assertThat(endpoints.token()).isEqualTo(URI.create(baseUrl() + "/as/token"));
        assertThat(endpoints.deviceAuthorization()).isEqualTo(URI.create(baseUrl() + "/as/device"));
        assertThat(endpoints.revocation()).isEqualTo(URI.create(baseUrl() + "/as/revoke"));
        assertThat(oauth.discovered()).isTrue();
        assertThat(oauth.authorizationUrl(new AuthorizationRequest("http://127.0.0.1:5/callback", "c", secret(STATE), secret(VERIFIER))))
                .startsWith(baseUrl() + "/as/authorize?client_id=cli_native&");
        assertThat(oauth.refresh(secret(REFRESH))).isInstanceOf(RefreshResult.Rejected.class);
        server.verify(1, postRequestedFor(urlEqualTo("/as/token")));
    }

    @Test
    void discoveryIsLazyAndHappensOnce() {
        metadata(okJson(standardMetadata()));
        assertThat(server.getAllServeEvents()).as("nothing before the first OAuth call").isEmpty();

        discovery.endpoints();
        discovery.endpoints();
        oauth.discovered();

        server.verify(1, getRequestedFor(urlEqualTo(WELL_KNOWN)));
    }

    @Test
    void missingOptionalEndpointsTakeTheDefaultPaths() {
        metadata(okJson("{\"issuer\":\"" + baseUrl() + "\",\"token_endpoint\":\"" + baseUrl() + "/as/token\"}"));
        OAuthEndpoints endpoints = discovery.endpoints();
        assertThat(endpoints.discovered()).isTrue();
        assertThat(endpoints.token()).isEqualTo(URI.create(baseUrl() + "/as/token"));
        assertThat(endpoints.revocation()).isEqualTo(URI.create(baseUrl() + "/oauth/revoke"));
    }

    @Test
    void notFoundFallsBackToDefaults() {
        metadata(aResponse().withStatus(404));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void garbageFallsBackToDefaults() {
        metadata(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>welcome</html>"));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void truncatedOrWrongShapeFallsBackToDefaults() {
        metadata(okJson("{\"issuer\":"));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void jsonArrayFallsBackToDefaults() {
        metadata(okJson("[1,2,3]"));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void nonHttpEndpointRejectsTheMetadata() {
        metadata(okJson(standardMetadata().replace(baseUrl() + "/as/revoke", "file:///etc/passwd")));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void javascriptAuthorizationEndpointRejectsTheMetadata() {
        metadata(okJson(standardMetadata().replace(baseUrl() + "/as/authorize", "javascript:alert(1)")));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void plainHttpTokenEndpointOnAnotherHostRejectsTheMetadataEvenUnderAnHttpBase() {
        // the base is http://127.0.0.1 (allowed: this machine); the same rule refuses http elsewhere for endpoints
        metadata(okJson(standardMetadata().replace(baseUrl() + "/as/token", "http://as.example.invalid/token")));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void endpointsWithAQueryFragmentOrCredentialsRejectTheMetadata() {
        for (String hostile : new String[] {baseUrl() + "/as/token?leak=1", baseUrl() + "/as/token#x",
                baseUrl().replace("://", "://user:pw@") + "/as/token"}) {
            discovery = new OAuthMetadataDiscovery(endpoints, http, retry);
            metadata(okJson(standardMetadata().replace(baseUrl() + "/as/token", hostile)));
            assertDefaults(discovery.endpoints());
        }
    }

    @Test
    void missingTokenEndpointRejectsTheMetadata() {
        metadata(okJson("{\"issuer\":\"" + baseUrl() + "\",\"authorization_endpoint\":\"" + baseUrl() + "/as/authorize\"}"));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void foreignIssuerRejectsTheMetadata() {
        metadata(okJson(standardMetadata().replace("\"issuer\":\"" + baseUrl() + "/\"", "\"issuer\":\"https://other.invalid\"")));
        assertDefaults(discovery.endpoints());
    }

    @Test
    void networkFailureFallsBackToDefaultsAfterBoundedRetries() {
        metadata(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertDefaults(discovery.endpoints());
        server.verify(3, getRequestedFor(urlEqualTo(WELL_KNOWN)));
    }

    @Test
    void unavailableIsRetriedThenDefaults() {
        metadata(aResponse().withStatus(503));
        assertDefaults(discovery.endpoints());
        server.verify(3, getRequestedFor(urlEqualTo(WELL_KNOWN)));
    }
}
