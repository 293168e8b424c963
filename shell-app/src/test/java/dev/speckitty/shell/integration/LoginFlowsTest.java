package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 3's login acceptance as real CLI processes against the emulator in auto-approve mode:
 * {@code auth login --headless} (device grant), {@code auth login} through the loopback redirect with
 * {@code curl} as the browser, {@code auth status} with the teams, and {@code auth logout} revoking
 * server-side (the emulator then refuses the old refresh token with 400 invalid_grant). Run twice:
 * with spec-kitty's paths, and against a standards-only server whose endpoints the CLI can only
 * know from RFC 8414 discovery ({@code /oauth/*} answers 404 there). Every child gets the emulator
 * URL explicitly and an egress log that must stay empty; no process output and no file in the
 * sandbox other than {@code session.json} may contain a token.
 */
@ExtendWith(NoTokenLeak.class)
class LoginFlowsTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "standard-only server: {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(120)
    void headlessAndBrowserLoginShowTheTeamsAndLogoutRevokesServerSide(boolean standardOnly) throws Exception {
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true)
                .standardOnly(standardOnly).build())) {
            Path egress = tempDir.resolve("egress.log");
            Map<String, String> env = Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(), "BROWSER", curlBrowser(),
                    "SPEC_KITTY_TEST_EGRESS_LOG", egress.toString());
            String tokenPath = standardOnly ? "/oauth2/token" : "/oauth/token";
            List<String> secrets = new ArrayList<>();

            // Device grant, auto-approved on the first poll.
            Path headlessBox = CliProcess.freshSandbox(tempDir.resolve("headless"));
            Result headless = CliProcess.runWith(headlessBox, env, "auth", "login", "--headless");
            assertThat(headless.exitCode()).as(headless.describe()).isZero();
            assertThat(headless.stdout()).contains("Code:  ").contains("+ Authenticated as dev@example.com");
            assertThat(emulator.counters().tokensIssued(GrantType.DEVICE_CODE)).isEqualTo(1);
            StoredSession device = EmulatorSandbox.store(headlessBox).read().orElseThrow();
            assertThat(device.authMethod()).isEqualTo("device_code");
            secrets.addAll(List.of(device.accessToken().reveal(), device.refreshToken().reveal()));

            // Authorization code + PKCE: curl follows the authorize redirect to the CLI's loopback listener.
            Path browserBox = CliProcess.freshSandbox(tempDir.resolve("browser"));
            Result browser = CliProcess.runWith(browserBox, env, "auth", "login");
            assertThat(browser.exitCode()).as(browser.describe()).isZero();
            assertThat(browser.stdout()).contains("code_challenge_method=S256")
                    .contains("redirect_uri=http%3A%2F%2F127.0.0.1").contains("+ Authenticated as dev@example.com");
            assertThat(emulator.counters().tokensIssued(GrantType.AUTHORIZATION_CODE)).isEqualTo(1);
            assertThat(emulator.counters().calls(Endpoint.AUTHORIZE)).isEqualTo(1);
            StoredSession code = EmulatorSandbox.store(browserBox).read().orElseThrow();
            assertThat(code.authMethod()).isEqualTo("authorization_code");
            assertThat(code.sessionId()).isNotEqualTo(device.sessionId());
            secrets.addAll(List.of(code.accessToken().reveal(), code.refreshToken().reveal()));
            NoTokenLeak.alsoScanFor(secrets.toArray(String[]::new));

            for (Path box : List.of(headlessBox, browserBox)) {
                Result status = CliProcess.runWith(box, env, "auth", "status");
                assertThat(status.stdout()).as(status.describe()).contains("+ Authenticated")
                        .contains("dev@example.com").contains("    - Private (owner) (private, default)")
                        .contains("    - Shared (member)");
                JsonNode json = JsonDocuments.single(CliProcess.runWith(box, env, "auth", "status", "--json").stdout());
                assertThat(json.path("state").asString()).isEqualTo("authenticated");
                assertThat(json.path("teams").toString()).contains("\"is_private_teamspace\":true").contains("Shared");
            }
            assertThat(emulator.counters().calls(Endpoint.NOT_FOUND))
                    .as("requests to paths the server does not have").isZero();
            if (standardOnly) {
                assertThat(emulator.counters().calls(Endpoint.DISCOVERY)).as("RFC 8414 discovery").isPositive();
            }

            for (Path box : List.of(headlessBox, browserBox)) {
                StoredSession before = EmulatorSandbox.store(box).read().orElseThrow();
                Result logout = CliProcess.runWith(box, env, "auth", "logout");
                assertThat(logout.exitCode()).as(logout.describe()).isZero();
                assertThat(logout.stdout()).contains("+ Server revocation confirmed.").contains("+ Logged out.");
                assertThat(CliProcess.authDirectory(box).resolve("session.json")).doesNotExist();
                HttpResponse<String> refused = post(emulator, tokenPath,
                        "grant_type=refresh_token&client_id=cli_native&refresh_token=" + before.refreshToken().reveal());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(JsonDocuments.single(refused.body()).path("error").asString()).isEqualTo("invalid_grant");
                assertThat(CliProcess.runWith(box, env, "auth", "status").stdout()).contains("Not authenticated");
            }
            assertThat(emulator.counters().calls(Endpoint.REVOKE)).isEqualTo(2);
            assertThat(emulator.counters().calls(Endpoint.NOT_FOUND)).isZero();

            assertThat(Files.exists(egress) ? Files.readString(egress) : "").as("non-loopback lookups").isEmpty();
            try (var files = Files.walk(tempDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(content).as("%s must not contain a token", file).doesNotContain(secret);
                    }
                }
            }
        }
    }

    /** A stand-in browser: curl follows the authorize redirect to the CLI's loopback listener. */
    private String curlBrowser() throws Exception {
        Path script = tempDir.resolve("curl-browser");
        if (!Files.exists(script)) {
            Files.writeString(script, "#!/bin/sh\nexec curl -s -L -o /dev/null \"$1\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return script.toString();
    }

    private static HttpResponse<String> post(HostedEmulator emulator, String path, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
