package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Login, refresh and logout end to end against the emulator: with spec-kitty's default paths, and
 * against a plain standards server (RFC 8414 discovery only, the default paths answer 404).
 */
@ExtendWith(NoTokenLeak.class)
class LoginFlowsTest {

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "standard-only server: {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(180)
    void deviceAndBrowserLoginThenRefreshAndLogoutWithServerSideRevocation(boolean standardOnly) throws Exception {
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true)
                .standardOnly(standardOnly).build())) {
            Path sandbox = CliProcess.freshSandbox(tempDir);
            Map<String, String> env = Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(), "BROWSER", browserScript());

            Result headless = CliProcess.runWith(sandbox, env, "auth", "login", "--headless");
            assertThat(headless.exitCode()).as(headless.describe()).isZero();
            assertThat(headless.stdout()).contains("Code:  ").contains("+ Authenticated as dev@example.com");

            Result browser = CliProcess.runWith(sandbox, env, "auth", "login", "--force");
            assertThat(browser.exitCode()).as(browser.describe()).isZero();
            assertThat(browser.stdout()).contains("code_challenge_method=S256").contains("redirect_uri=http%3A%2F%2F127.0.0.1")
                    .contains("+ Authenticated as dev@example.com");

            JsonNode status = JsonDocuments.single(CliProcess.runWith(sandbox, env, "auth", "status", "--json").stdout());
            assertThat(status.path("state").asString()).isEqualTo("authenticated");
            assertThat(status.path("teams").toString()).contains("\"is_private_teamspace\":true").contains("Shared");
            assertThat(status.path("user").path("email").asString()).isEqualTo("dev@example.com");

            Result refresh = CliProcess.runWith(sandbox, env, "auth", "refresh", "--force", "--json");
            assertThat(JsonDocuments.single(refresh.stdout()).path("outcome").asString()).isEqualTo("refreshed");

            String refreshToken = EmulatorSandbox.store(sandbox).read().orElseThrow().refreshToken().reveal();
            NoTokenLeak.alsoScanFor(refreshToken);
            Result logout = CliProcess.runWith(sandbox, env, "auth", "logout");
            assertThat(logout.stdout()).contains("✓ Server revocation confirmed.").contains("+ Logged out.");
            assertThat(CliProcess.authDirectory(sandbox).resolve("session.json")).doesNotExist();
            assertThat(tokenEndpointAnswer(emulator, standardOnly, refreshToken)).contains("invalid_grant");
        }
    }

    private Path browserScriptPath() {
        return tempDir.resolve("browser");
    }

    /** A stand-in browser: follows the authorize redirect to the CLI's loopback listener. */
    private String browserScript() throws Exception {
        Path script = browserScriptPath();
        if (!Files.exists(script)) {
            Path follow = Path.of(System.getProperty("user.dir")).getParent().resolve("bin/lib/FollowRedirects.java");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Files.writeString(script, "#!/bin/sh\nexec '" + java + "' '" + follow + "' \"$1\" >/dev/null 2>&1\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        }
        return script.toString();
    }

    private static String tokenEndpointAnswer(HostedEmulator emulator, boolean standardOnly, String refreshToken)
            throws Exception {
        String path = standardOnly ? "/oauth2/token" : "/oauth/token";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=refresh_token&client_id=cli_native&refresh_token=" + refreshToken))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
