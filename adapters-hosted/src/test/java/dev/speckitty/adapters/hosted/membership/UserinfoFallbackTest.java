package dev.speckitty.adapters.hosted.membership;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.adapters.hosted.oauth.StandardsMetadata;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import org.junit.jupiter.api.Test;

/** Decision 16: a standards server without {@code /api/v1/me} gives the identity through OpenID Connect userinfo. */
class UserinfoFallbackTest extends HostedWireMockTest {

    private void standardsServerWithoutMe() {
        server.stubFor(get(urlEqualTo("/.well-known/oauth-authorization-server"))
                .willReturn(okJson(StandardsMetadata.json(baseUrl()))));
        server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(404)));
    }

    @Test
    void identityComesFromUserinfoWithNoTeams() {
        standardsServerWithoutMe();
        server.stubFor(get(urlEqualTo("/userinfo"))
                .willReturn(okJson("{\"sub\":\"u-42\",\"email\":\"dev@example.test\",\"name\":\"Dev\",\"x\":\"BODY_MARKER_x\"}")));

        Membership me = seen(membership.fetch(secret(ACCESS)));

        assertThat(me).isEqualTo(Membership.identityOnly("u-42", "dev@example.test", "Dev"));
        assertThat(me.teamsReported()).isFalse();
        server.verify(getRequestedFor(urlEqualTo("/userinfo")).withHeader("Authorization", equalTo("Bearer at_SENTINEL_x")));
    }

    @Test
    void userinfoNeedsSubAndEmail() {
        standardsServerWithoutMe();
        server.stubFor(get(urlEqualTo("/userinfo")).willReturn(okJson("{\"email\":\"dev@example.test\"}")));
        assertThat(thrown(AuthFlowException.class, () -> membership.fetch(secret(ACCESS))))
                .hasMessage("User info response missing required field 'sub'.");
        server.stubFor(get(urlEqualTo("/userinfo")).willReturn(okJson("{\"sub\":\"u-42\",\"name\":\"Dev\"}")));
        assertThat(thrown(AuthFlowException.class, () -> membership.fetch(secret(ACCESS))))
                .hasMessage("User info response missing required field 'email'.");
        server.stubFor(get(urlEqualTo("/userinfo")).willReturn(aResponse().withStatus(401)));
        assertThat(thrown(AuthFlowException.class, () -> membership.fetch(secret(ACCESS))))
                .hasMessage("User info fetch failed: HTTP 401");
    }

    @Test
    void withoutAdvertisedUserinfoA404IsTheUsualFailure() {
        server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(aResponse().withStatus(404)));
        assertThat(thrown(AuthFlowException.class, () -> membership.fetch(secret(ACCESS))))
                .hasMessage("User info fetch failed: HTTP 404");
    }
}
