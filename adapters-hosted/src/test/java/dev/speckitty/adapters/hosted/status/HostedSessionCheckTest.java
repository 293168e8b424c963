package dev.speckitty.adapters.hosted.status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.adapters.hosted.oauth.StandardsMetadata;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.auth.ServerSessionStatus.Method;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Decision 16: how {@code auth doctor --server} asks a server, by what its RFC 8414 metadata offers. */
class HostedSessionCheckTest extends HostedWireMockTest {

    private static final String WELL_KNOWN = "/.well-known/oauth-authorization-server";

    private ServerSessionStatus check() {
        return seen(new HostedSessionCheck(endpoints, discovery, http, retry).check(secret(ACCESS)));
    }

    private ServerSessionStatus introspect(ResponseDefinitionBuilder answer) {
        server.stubFor(get(urlEqualTo(WELL_KNOWN)).willReturn(okJson(StandardsMetadata.json(baseUrl()))));
        server.stubFor(post(urlEqualTo("/oauth2/introspect")).willReturn(answer));
        return check();
    }

    @Test
    void advertisedIntrospectionIsAskedAboutTheAccessToken() {
        ServerSessionStatus status = introspect(okJson("{\"active\":true,\"exp\":1900000000,\"sub\":\"BODY_MARKER_x\"}"));

        assertThat(status).isEqualTo(ServerSessionStatus.activeUntil(Instant.ofEpochSecond(1_900_000_000L)));
        assertThat(status.method()).isEqualTo(Method.INTROSPECTION);
        server.verify(1, postRequestedFor(urlEqualTo("/oauth2/introspect"))
                .withRequestBody(equalTo("token=at_SENTINEL_x&token_type_hint=access_token&client_id=cli_native"))
                .withoutHeader("Authorization"));
        server.verify(0, getRequestedFor(urlEqualTo("/api/v1/session-status")));
    }

    @Test
    void introspectionOutcomes() {
        assertThat(introspect(okJson("{\"active\":false}")))
                .isEqualTo(ServerSessionStatus.failed("re-authenticate").via(Method.INTROSPECTION));
        assertThat(introspect(okJson("{\"active\":true}")))
                .as("no exp: active, expiry unknown").isEqualTo(ServerSessionStatus.activeUntil(null));
        assertThat(introspect(okJson("{\"active\":\"yes\"}")))
                .isEqualTo(ServerSessionStatus.failed("Invalid response from server").via(Method.INTROSPECTION));
        assertThat(introspect(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\",\"x\":\"BODY_MARKER_x\"}")))
                .isEqualTo(ServerSessionStatus.failed("Server returned HTTP 401").via(Method.INTROSPECTION));
    }

    @Test
    void aStandardsServerWithoutIntrospectionOrSessionStatusOffersNoCheck() {
        server.stubFor(get(urlEqualTo(WELL_KNOWN)).willReturn(okJson(StandardsMetadata.withoutExtras(baseUrl()))));
        server.stubFor(get(urlEqualTo("/api/v1/session-status")).willReturn(aResponse().withStatus(404)));

        ServerSessionStatus status = check();

        assertThat(status).isEqualTo(ServerSessionStatus.notOffered());
        assertThat(status.checked()).isFalse();
    }

    @Test
    void withoutMetadataSessionStatusIsAskedAndA404StaysAFailure() {
        server.stubFor(get(urlEqualTo("/api/v1/session-status")).willReturn(okJson("{\"session_id\":\"sess-7\"}")));
        assertThat(check()).isEqualTo(ServerSessionStatus.active("sess-7"));

        server.stubFor(get(urlEqualTo("/api/v1/session-status")).willReturn(aResponse().withStatus(404)));
        assertThat(check()).isEqualTo(ServerSessionStatus.failed("Server returned HTTP 404").via(Method.SESSION_STATUS));
    }
}
