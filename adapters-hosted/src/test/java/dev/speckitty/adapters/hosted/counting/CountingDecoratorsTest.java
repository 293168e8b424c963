package dev.speckitty.adapters.hosted.counting;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.hosted.HostedWireMockTest;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.MembershipDirectory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The debug counters count the refresh POSTs and membership fetches asked of the real adapters. */
class CountingDecoratorsTest extends HostedWireMockTest {

    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final HostedActivity activity = new HostedActivity() {
        @Override
        public void tokenRefresh() {
            refreshes.incrementAndGet();
        }

        @Override
        public void membershipFetch() {
            fetches.incrementAndGet();
        }
    };

    @Test
    void refreshesAreCountedAndOtherOAuthCallsAreNot() {
        server.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("""
                {"access_token":"at_SENTINEL_new","refresh_token":"rt_SENTINEL_new","expires_in":3600,
                 "token_type":"Bearer","refresh_token_expires_in":86400}""")));
        server.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{}")));
        AuthorizationServer counted = new CountingAuthorizationServer(oauth, activity);

        assertThat(seen(counted.refresh(secret(REFRESH)))).isInstanceOf(RefreshResult.Refreshed.class);
        seen(counted.revoke(secret(REFRESH)));
        counted.discovered();
        counted.resolveEndpoints(); // a default method of the port: the decorator must pass it on

        assertThat(refreshes).hasValue(1);
        assertThat(fetches).hasValue(0);
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        server.verify(1, postRequestedFor(urlEqualTo("/oauth/revoke")));
    }

    @Test
    void resolvingTheEndpointsReachesTheRealServerThroughTheDecorator() {
        new CountingAuthorizationServer(oauth, activity).resolveEndpoints();

        server.verify(1, getRequestedFor(urlEqualTo("/.well-known/oauth-authorization-server")));
        assertThat(refreshes).hasValue(0);
    }

    @Test
    void membershipFetchesAreCounted() {
        server.stubFor(get(urlEqualTo("/api/v1/me")).willReturn(okJson(
                "{\"user_id\":\"u-1\",\"email\":\"ada@example.test\",\"teams\":[]}")));
        MembershipDirectory counted = new CountingMembershipDirectory(membership, activity);

        assertThat(seen(counted.fetch(secret(ACCESS))).userId()).isEqualTo("u-1");
        assertThat(seen(counted.fetch(secret(ACCESS))).userId()).isEqualTo("u-1");

        assertThat(fetches).hasValue(2);
        assertThat(refreshes).hasValue(0);
    }
}
