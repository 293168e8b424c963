package dev.speckitty.shell.inprocess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.shell.acceptance.FakeHostedServer;
import dev.speckitty.shell.inprocess.InProcessCli.Result;
import dev.speckitty.shell.runner.ExitCode;
import dev.speckitty.testfixtures.SessionBuilder;
import dev.speckitty.testfixtures.Teams;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code auth} command in-process (InProcessCli): its text, its --json document and its exit. */
class AuthCommandsTest {

    @RegisterExtension
    static final LoopbackHosted HOSTED = new LoopbackHosted();

    @TempDir
    Path root;

    private static FakeHostedServer hosted() {
        return HOSTED.server();
    }

    static StoredSession ada() {
        return SessionBuilder.aSession().userId("user_42").email("ada@example.com").name("Ada Lovelace")
                .teams(Teams.PRIVATE).defaultTeamId(Teams.PRIVATE.id())
                .issuedAt(InProcessCli.START.minus(Duration.ofMinutes(1)))
                .accessTokenExpiresAt(InProcessCli.START.plus(Duration.ofMinutes(15)))
                .refreshTokenExpiresAt(InProcessCli.START.plus(Duration.ofDays(30))).build();
    }

    private InProcessCli loggedIn() {
        return InProcessCli.withSession(root, ada());
    }

    @Test
    void statusShowsTheSessionAsTextAndAsOneDocument() {
        Result text = loggedIn().run("auth", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("ada@example.com", "Private");

        Result json = loggedIn().run("auth", "status", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.OK);
        assertThat(json.json().toString()).contains("ada@example.com");
    }

    @Test
    void statusLoggedOutIsNoFailure() {
        InProcessCli cli = InProcessCli.in(root);
        Result text = cli.run("auth", "status");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).containsIgnoringCase("not authenticated");
        Result shortForm = cli.run("auth", "status", "--short", "--json");
        assertThat(shortForm.json().path("state").asString()).isEqualTo("not_authenticated");
    }

    @Test
    void whoamiPrintsTheEmailOrFailsWithNothingOnStdout() {
        assertThat(loggedIn().run("auth", "whoami").out()).isEqualTo("ada@example.com\n");
        Result json = loggedIn().run("auth", "whoami", "--json");
        assertThat(json.json().path("email").asString()).isEqualTo("ada@example.com");

        InProcessCli loggedOut = InProcessCli.in(root);
        Result text = loggedOut.run("auth", "whoami");
        assertThat(text.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).contains("X Not authenticated", "spec-kitty auth login");
        Result failure = loggedOut.run("auth", "whoami", "--json");
        assertThat(failure.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(failure.error().path("code").asString()).isEqualTo("not_authenticated");
    }

    @Test
    void logoutForcedDeletesLocallyWithoutTheServer() {
        InProcessCli cli = loggedIn();
        Result text = cli.run("auth", "logout", "--force");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("Skipping server revocation (--force).", "+ Logged out.");
        assertThat(cli.store().stored()).isNull();

        Result again = cli.run("auth", "logout", "--json");
        assertThat(again.exit()).isEqualTo(ExitCode.OK);
        assertThat(again.json().path("status").asString()).isEqualTo("not_logged_in");
    }

    @Test
    void logoutWithAnUnknownOptionIsAUsageErrorAndKeepsTheSession() {
        InProcessCli cli = loggedIn();
        Result text = cli.run("auth", "logout", "--everywhere");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(text.err()).contains("--everywhere", "spec-kitty auth logout --help");
        Result json = cli.run("auth", "logout", "--everywhere", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
        assertThat(cli.store().stored()).isNotNull();
    }

    @Test
    void refreshNotNeededForAFreshToken() {
        Result text = loggedIn().run("auth", "refresh");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("+ No refresh needed (access token valid for");
        Result json = loggedIn().run("auth", "refresh", "--json");
        assertThat(json.json().path("outcome").asString()).isEqualTo("not_needed");
        assertThat(json.json().path("network_call").asBoolean()).isFalse();
    }

    @Test
    void forcedRefreshRotatesAgainstTheHostedServer() {
        hosted().tokenEndpointRotatesTo("at_SENTINEL_new", "rt_SENTINEL_new");
        InProcessCli cli = loggedIn().hostedAt(hosted().baseUrl());
        Result json = cli.run("auth", "refresh", "--force", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().path("outcome").asString()).isEqualTo("refreshed");
        assertThat(json.json().path("access_token_remaining_s").asLong()).isEqualTo(900);
        assertThat(cli.store().stored().accessToken().reveal()).isEqualTo("at_SENTINEL_new");
        assertThat(json.out() + json.err()).doesNotContain("SENTINEL");
    }

    @Test
    void refreshLoggedOutFails() {
        InProcessCli cli = InProcessCli.in(root);
        Result text = cli.run("auth", "refresh");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("X No active session. Run `spec-kitty auth login` to authenticate.\n");
        Result json = cli.run("auth", "refresh", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(json.json().path("outcome").asString()).as(json.toString()).isEqualTo("not_authenticated");
        assertThat(json.json().path("network_call").asBoolean()).isFalse();
        assertThat(json.error().properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("code", "message", "action"); // the error object of every failure document
        assertThat(json.error().path("code").asString()).isEqualTo("not_authenticated");
        assertThat(json.error().path("message").asString()).startsWith("No active session.");
    }

    @Test
    void doctorFindsNothingCriticalForAGoodSession() {
        Result text = loggedIn().run("auth", "doctor");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.OK);
        Result json = loggedIn().run("auth", "doctor", "--json");
        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().isObject()).isTrue();
    }

    @Test
    void doctorWithABadThresholdIsAUsageError() {
        Result text = loggedIn().run("auth", "doctor", "--stuck-threshold", "soon");
        assertThat(text.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(text.err()).contains("--stuck-threshold needs a number of seconds");
        Result json = loggedIn().run("auth", "doctor", "--stuck-threshold", "soon", "--json");
        assertThat(json.error().path("code").asString()).isEqualTo("usage_error");
    }

    @Test
    void loginWithoutAHostedUrlSaysHowToConfigureOne() {
        Result text = InProcessCli.in(root).run("auth", "login", "--headless");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.err()).contains("No hosted server is configured", "SPEC_KITTY_SAAS_URL");
        Result json = InProcessCli.in(root).run("auth", "login", "--headless", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(json.error().path("message").asString()).contains("No hosted server is configured");
    }

    @Test
    void headlessLoginStoresTheSessionAndPrintsOneDocument() {
        hosted().wireMock().stubFor(post(urlPathEqualTo("/oauth/device")).willReturn(okJson("{\"device_code\":"
                + "\"dc_SENTINEL_x\",\"user_code\":\"WDJBMJHT\",\"verification_uri\":\"https://example.test/device\","
                + "\"expires_in\":600,\"interval\":5}")));
        hosted().tokenEndpointRotatesTo("at_SENTINEL_dev", "rt_SENTINEL_dev");
        hosted().meAnswers("{\"user_id\":\"u1\",\"email\":\"a@example.test\",\"teams\":[{\"id\":\"t-private\","
                + "\"name\":\"Mine\",\"role\":\"owner\",\"is_private_teamspace\":true}]}");
        InProcessCli cli = InProcessCli.in(root).hostedAt(hosted().baseUrl());

        Result json = cli.run("auth", "login", "--headless", "--json");

        assertThat(json.exit()).as(json.toString()).isEqualTo(ExitCode.OK);
        assertThat(json.json().path("status").asString()).isEqualTo("logged_in");
        assertThat(json.json().path("user").path("email").asString()).isEqualTo("a@example.test");
        assertThat(json.err()).contains("WDJB-MJHT"); // the conversation goes to stderr under --json
        assertThat(cli.sleeps()).containsExactly(Duration.ofSeconds(5));
        assertThat(cli.store().stored().email()).isEqualTo("a@example.test");

        Result text = cli.run("auth", "login", "--headless");
        assertThat(text.exit()).isEqualTo(ExitCode.OK);
        assertThat(text.out()).contains("+ Already logged in as a@example.test");
    }

    @Test
    void headlessLoginRefusedByTheServerLeavesNoSession() {
        hosted().wireMock().stubFor(post(urlPathEqualTo("/oauth/device")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        InProcessCli cli = InProcessCli.in(root).hostedAt(hosted().baseUrl());
        Result text = cli.run("auth", "login", "--headless");
        assertThat(text.exit()).as(text.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(text.err()).startsWith("X ");
        Result json = cli.run("auth", "login", "--headless", "--json");
        assertThat(json.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(json.error().path("code").asString()).isNotBlank();
        assertThat(cli.store().stored()).isNull();
    }
}
