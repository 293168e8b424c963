package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Login, re-login and logout as a user would run them against the emulator, with the stand-in
 * browser being plain {@code curl} following the redirect to the CLI's loopback listener. Checks
 * what the other login tests leave out: no non-loopback lookup by any process, the token-free
 * handoff after login (G1) and its removal at logout (G2), {@code login --force} revoking the
 * replaced session at the server, the text {@code auth status} listing the teams, and a token scan
 * of every file the flow left behind.
 */
@ExtendWith(NoTokenLeak.class)
class LoginLogoutHermeticTest {

    @TempDir
    Path tempDir;

    @Test
    @Timeout(180)
    void headlessLoginThenCurlBrowserReLoginRevokesTheOldSessionAndLogoutRevokesTheNewOne() throws Exception {
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build())) {
            Path sandbox = CliProcess.freshSandbox(tempDir.resolve("login"));
            Path egress = tempDir.resolve("egress.log");
            Path browser = tempDir.resolve("curl-browser");
            Files.writeString(browser, "#!/bin/sh\nexec curl -s -L -o /dev/null \"$1\"\n");
            Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
            Map<String, String> env = Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(), "BROWSER", browser.toString(),
                    "SPEC_KITTY_TEST_EGRESS_LOG", egress.toString());
            Path auth = CliProcess.authDirectory(sandbox);
            List<String> secrets = new ArrayList<>(List.of("at_SENTINEL", "rt_SENTINEL"));

            Result headless = CliProcess.runWith(sandbox, env, "auth", "login", "--headless");
            assertThat(headless.exitCode()).as(headless.describe()).isZero();
            assertThat(headless.stdout()).contains("Code:  ").contains("+ Authenticated as dev@example.com")
                    .contains("Default team: Private [Private Teamspace]");
            StoredSession first = EmulatorSandbox.store(sandbox).read().orElseThrow();
            secrets.addAll(List.of(first.accessToken().reveal(), first.refreshToken().reveal()));
            assertHandoffIsTokenFree(auth, secrets);

            Result again = CliProcess.runWith(sandbox, env, "auth", "login", "--headless");
            assertThat(again.stdout()).as(again.describe()).contains("+ Already logged in as dev@example.com");
            assertThat(EmulatorSandbox.store(sandbox).read().orElseThrow().sessionId()).isEqualTo(first.sessionId());

            long revokesBefore = emulator.counters().calls(Endpoint.REVOKE);
            Result viaBrowser = CliProcess.runWith(sandbox, env, "auth", "login", "--force");
            assertThat(viaBrowser.exitCode()).as(viaBrowser.describe()).isZero();
            assertThat(viaBrowser.stdout()).contains("http://127.0.0.1").contains("+ Authenticated as dev@example.com");
            StoredSession second = EmulatorSandbox.store(sandbox).read().orElseThrow();
            secrets.addAll(List.of(second.accessToken().reveal(), second.refreshToken().reveal()));
            assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
            assertThat(second.authMethod()).isEqualTo("authorization_code");
            assertThat(emulator.counters().calls(Endpoint.REVOKE) - revokesBefore).as("the replaced session revoked")
                    .isEqualTo(1);
            assertRefused(emulator, first.refreshToken().reveal());

            Result status = CliProcess.runWith(sandbox, env, "auth", "status");
            assertThat(status.stdout()).as(status.describe()).contains("+ Authenticated")
                    .contains("    - Private (owner) (private, default)").contains("    - Shared (member)")
                    .contains("Browser (Authorization Code + PKCE)");

            Result logout = CliProcess.runWith(sandbox, env, "auth", "logout");
            assertThat(logout.exitCode()).as(logout.describe()).isZero();
            assertThat(logout.stdout()).contains("+ Server revocation confirmed.").contains("+ Logged out.");
            assertThat(auth.resolve("session.json")).doesNotExist();
            assertThat(auth.resolve("session.hot-path.json")).doesNotExist();
            assertRefused(emulator, second.refreshToken().reveal());
            assertThat(CliProcess.runWith(sandbox, env, "auth", "status").stdout()).contains("Not authenticated");

            assertThat(Files.exists(egress) ? Files.readString(egress) : "").as("non-loopback lookups").isEmpty();
            NoTokenLeak.alsoScanFor(secrets.subList(2, secrets.size()).toArray(String[]::new));
            try (var files = Files.walk(sandbox)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(content).as("%s must not contain a token", file).doesNotContain(secret);
                    }
                }
            }
        }
    }

    /** G1: mode 0600, exactly the five keys, max age at most 30 s, no token, email or team id. */
    private static void assertHandoffIsTokenFree(Path auth, List<String> secrets) throws Exception {
        Path handoff = auth.resolve("session.hot-path.json");
        assertThat(handoff).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(handoff))).isEqualTo("rw-------");
        String text = Files.readString(handoff);
        JsonNode document = JsonDocuments.single(text);
        Set<String> keys = new java.util.TreeSet<>(document.propertyNames());
        assertThat(keys).containsExactly("durable_fingerprint", "generated_at", "max_age_seconds",
                "refresh_token_expires_at", "schema_version");
        assertThat(document.path("max_age_seconds").asDouble()).isLessThanOrEqualTo(30);
        assertThat(text).doesNotContain("dev@example.com").doesNotContain("t-private").doesNotContain("t-shared");
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
    }

    private static void assertRefused(HostedEmulator emulator, String refreshToken) throws Exception {
        HttpResponse<String> answer = TokenEndpoint.refresh(emulator.baseUrl(), refreshToken);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("invalid_grant");
    }
}
