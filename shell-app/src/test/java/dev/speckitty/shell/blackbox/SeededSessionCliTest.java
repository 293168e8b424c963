package dev.speckitty.shell.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import dev.speckitty.shell.support.SampleSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A session written by the real encrypted store, read back by the CLI process. */
@ExtendWith(NoTokenLeak.class)
class SeededSessionCliTest {

    @TempDir
    static Path tempDir;

    private static Path sandbox;
    private static Path sessionFile;
    private static byte[] sessionBytes;

    @BeforeAll
    static void seed() throws IOException {
        sandbox = CliProcess.freshSandbox(tempDir);
        Path authDirectory = CliProcess.authDirectory(sandbox);
        EncryptedFileSessionStore.inAuthDirectory(authDirectory)
                .write(SampleSessions.valid(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        sessionFile = authDirectory.resolve("session.json");
        sessionBytes = Files.readAllBytes(sessionFile);
    }

    @AfterAll
    static void readsNeverChangeTheFile() throws IOException {
        assertThat(Files.readAllBytes(sessionFile)).isEqualTo(sessionBytes);
    }

    @Test
    void statusShowsIdentityTeamsLifetimesAndStorage() {
        Result result = CliProcess.run(sandbox, "auth", "status");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout())
                .startsWith("+ Authenticated\n")
                .contains("  User:           ada@example.com (Ada Lovelace)\n")
                .contains("  User ID:        user_42\n")
                .contains("    - Analytical Engines (member)\n")
                .contains("    - Ada's Private Teamspace (owner) (private, default)\n")
                .containsPattern("  Access token:   (59|60) minutes?\n")
                .contains("  Refresh token:  29 days\n")
                .contains("  Storage:        Encrypted session file (encrypted-file)\n")
                .contains("  Location:       " + sessionFile + "\n")
                .contains("  Session ID:     sess_abc123\n")
                .contains("  Auth method:    Headless (Device Authorization Grant)\n");
        assertThat(result.stderr()).isEmpty();
    }

    /**
     * A forced refresh is a hosted call: with no hosted URL it stops at the configuration error,
     * in the shell's words (the value the hosted port reports, rendered by the runner), and the
     * session stays as it was (checked after all tests).
     */
    @Test
    void aRefreshWithoutAHostedUrlIsTheConfigurationError() {
        String noServer = "No hosted server is configured. Set SPEC_KITTY_SAAS_URL, or set [sync] server_url in "
                + CliProcess.specKittyHome(sandbox).resolve("config.toml") + " (e.g. https://app.spec-kitty.ai), then try again.";

        Result text = CliProcess.run(sandbox, "auth", "refresh", "--force");
        assertThat(text.exitCode()).as(text.describe()).isEqualTo(1);
        assertThat(text.stdout()).isEmpty();
        assertThat(text.stderr()).isEqualTo("X " + noServer + "\n");

        Result json = CliProcess.run(sandbox, "auth", "refresh", "--force", "--json");
        assertThat(json.exitCode()).as(json.describe()).isEqualTo(1);
        JsonNode error = JsonDocuments.single(json.stdout()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("command_failed");
        assertThat(error.path("message").asString()).isEqualTo(noServer);
    }

    @Test
    void statusJsonShowsIdentityAndPrivateTeamspace() {
        Result result = CliProcess.run(sandbox, "auth", "status", "--json");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode json = JsonDocuments.single(result.stdout());
        assertThat(json.get("authenticated").booleanValue()).isTrue();
        assertThat(json.get("state").asString()).isEqualTo("authenticated");
        assertThat(json.get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(json.get("user").get("user_id").asString()).isEqualTo("user_42");
        assertThat(json.get("teams").size()).isEqualTo(2);
        JsonNode privateTeam = json.get("teams").get(1);
        assertThat(privateTeam.get("id").asString()).isEqualTo("team_private_7");
        assertThat(privateTeam.get("is_private_teamspace").booleanValue()).isTrue();
        assertThat(privateTeam.get("is_default").booleanValue()).isTrue();
        assertThat(json.get("teams").get(0).get("is_private_teamspace").booleanValue()).isFalse();
        assertThat(json.get("access_token_remaining_s").asLong()).isBetween(3000L, 3600L);
        assertThat(json.get("session_id").asString()).isEqualTo("sess_abc123");
        assertThat(json.get("storage").get("path").asString()).isEqualTo(sessionFile.toString());
        assertThat(json.has("generation")).isFalse();
    }

    @Test
    void whoamiPrintsTheEmail() {
        Result result = CliProcess.run(sandbox, "auth", "whoami");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).isEqualTo("ada@example.com\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void whoamiJsonPrintsTheIdentity() {
        Result result = CliProcess.run(sandbox, "auth", "whoami", "--json");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        JsonNode json = JsonDocuments.single(result.stdout());
        assertThat(json.propertyNames()).containsExactly("email", "name", "user_id", "schema_version");
        assertThat(json.get("name").asString()).isEqualTo("Ada Lovelace");
    }
}
