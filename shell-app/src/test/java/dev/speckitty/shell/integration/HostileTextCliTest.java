package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.Team;
import dev.speckitty.emulator.state.User;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 item 1, the terminal-output scan: a server and a repository that put terminal controls
 * (ESC sequences, an OSC 8 hyperlink, BEL, C1 CSI/OSC, bidi overrides, CR LF with a forged line)
 * into every field they own, and real CLI processes across the commands that show them. In text
 * mode no ESC, BEL, C1 or bidi control reaches stdout or stderr and no forged line appears; the
 * fields are shown escaped ({@code \x1b}), not dropped; {@code --json} escapes them and still
 * decodes to the exact text the server sent.
 */
@ExtendWith(NoTokenLeak.class)
class HostileTextCliTest {

    static final String FORGED = "FAKE: + Authenticated as admin";
    /** Every trick at once; each field below carries it. */
    static final String HOSTILE = "\u001b[2J\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007 \u0007"
            + "\u009b31m\u009d0;pwned\u009c \u202egnp.exe\u2066x\u2069\u200b\r\n" + FORGED;
    /** The same in a YAML double-quoted scalar, for a cloned repository's .kittify/config.yaml. */
    static final String HOSTILE_YAML = "\\e[2J\\e]8;;https://evil.example/\\aclick\\e]8;;\\a \\a"
            + "\\x9b31m\\x9d0;pwned\\x9c \\u202egnp.exe\\u2066x\\u2069\\u200b\\r\\n" + FORGED;

    @TempDir
    Path tempDir;

    @Test
    @Timeout(300)
    void outsideTextNeverDrivesTheTerminalAndNeverForgesALine() throws Exception {
        User hostileUser = new User("u-dev", "dev" + HOSTILE + "@example.com", "Dev " + HOSTILE, List.of(
                new Team("t-private", "Private " + HOSTILE, "owner", true),
                new Team("t-shared", "Shared " + HOSTILE, "member " + HOSTILE, false)));
        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build())) {
            emulator.signedInUser(hostileUser);
            emulator.switches().slowDown(false);
            emulator.switches().deviceUserCode("ABCD-" + HOSTILE);
            Path box = CliProcess.freshSandbox(tempDir.resolve("box"));
            ProjectFiles.write(box, "project:\n  uuid: \"1111-" + HOSTILE_YAML + "\"\n  slug: \"acme-" + HOSTILE_YAML
                    + "\"\nteamspace: \"acme/" + HOSTILE_YAML + "\"\ntracker:\n  provider: linear\n  binding_ref: lin-1\n");
            Map<String, String> env = Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(), "SPEC_KITTY_ENABLE_SAAS_SYNC", "1",
                    "SPEC_KITTY_TEST_EGRESS_LOG", tempDir.resolve("egress.log").toString());
            List<Result> text = new ArrayList<>();

            Result login = CliProcess.runWith(box, env, "auth", "login", "--headless");
            assertThat(login.exitCode()).as(login.describe()).isZero();
            assertThat(login.stdout()).as(login.describe())
                    .contains("Code:  ABCD-\\x1b[2J-") // grouped for reading (RFC 8628 §6.1), escapes and all
                    .contains("+ Authenticated as dev\\x1b[2J\\x1b]8;;https://evil.example/\\x07click")
                    .contains("\\x9b31m\\x9d0;pwned\\x9c \\u202egnp.exe\\u2066x\\u2069\\u200b\\x0d\\x0a" + FORGED);
            text.add(login);
            for (List<String> command : List.of(List.of("auth", "status"), List.of("auth", "whoami"),
                    List.of("auth", "doctor", "--server"), List.of("sync", "status", "--check"),
                    List.of("teamspace", "status"))) {
                Result result = CliProcess.runWith(box, env, command.toArray(String[]::new));
                assertThat(result.exitCode()).as(result.describe()).isZero();
                text.add(result);
            }
            assertThat(text.get(1).stdout()).contains("Shared \\x1b[2J", "(member \\x1b[2J", "Dev \\x1b[2J");
            assertThat(text.get(5).stdout()).contains("Teamspace:     acme/\\x1b[2J", "Project:       acme-\\x1b[2J");

            emulator.faults().add(Endpoint.TRACKER_STATUS, Fault.respond(200, hostileBody()).times(2));
            emulator.faults().add(Endpoint.TRACKER_PULL, Fault.respond(200, hostileBody()).times(1));
            Result status = CliProcess.runWith(box, env, "tracker", "status");
            Result pull = CliProcess.runWith(box, env, "tracker", "pull");
            for (Result tracker : List.of(status, pull)) {
                assertThat(tracker.exitCode()).as(tracker.describe()).isZero();
                assertThat(tracker.stdout()).as(tracker.describe()).contains("Provider\\x1b[2J");
                text.add(tracker);
            }
            Result trackerJson = CliProcess.runWith(box, env, "tracker", "status", "--json");
            assertThat(JsonDocuments.single(trackerJson.stdout()).get("provider" + HOSTILE).asString()).isEqualTo(HOSTILE);

            emulator.faults().add(Endpoint.TRACKER_STATUS, Fault.respond(400, Map.of("error_code", "bad_request",
                    "category", "validation", "message", "Refused " + HOSTILE, "user_action_required", false)).times(1));
            Result serverError = CliProcess.runWith(box, env, "tracker", "status");
            assertThat(serverError.exitCode()).as(serverError.describe()).isEqualTo(1);
            assertThat(serverError.stderr()).as(serverError.describe()).contains("Refused \\x1b[2J");
            text.add(serverError);
            emulator.faults().add(Endpoint.DEVICE_AUTHORIZATION, Fault.respond(400, Map.of("error", "invalid_request",
                    "error_description", "No " + HOSTILE)).times(1));
            Result loginRefused = CliProcess.runWith(box, env, "auth", "login", "--headless", "--force");
            assertThat(loginRefused.exitCode()).as(loginRefused.describe()).isEqualTo(1);
            text.add(loginRefused);

            for (Result result : text) {
                assertTerminalSafe(result, result.stdout());
                assertTerminalSafe(result, result.stderr());
            }

            Result statusJson = CliProcess.runWith(box, env, "auth", "status", "--json");
            Result whoamiJson = CliProcess.runWith(box, env, "auth", "whoami", "--json");
            for (Result json : List.of(statusJson, whoamiJson, trackerJson)) {
                assertThat(json.exitCode()).as(json.describe()).isZero();
                assertTerminalSafe(json, json.stdout());
                assertThat(json.stdout()).as("C1 and bidi escaped as JSON does").contains("\\u009B31m", "\\u202E");
            }
            assertThat(JsonDocuments.single(whoamiJson.stdout()).get("name").asString())
                    .as("nothing lost: the JSON decodes to the server's exact text").isEqualTo(hostileUser.name());
        }
    }

    private static Map<String, Object> hostileBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider" + HOSTILE, HOSTILE);
        body.put("items", List.of(Map.of("id", "TRK-1", "title", HOSTILE)));
        return body;
    }

    /** No ESC, BEL, C1, DEL or bidi/invisible format character, and no line that starts as the forged one. */
    private static void assertTerminalSafe(Result result, String output) {
        output.codePoints().forEach(cp -> assertThat(cp == 0x1b || cp == 0x07 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)
                || Character.getType(cp) == Character.FORMAT)
                .as("U+%04X reached the terminal in %s", cp, result.describe()).isFalse());
        assertThat(output.lines()).as(result.describe()).noneMatch(line -> line.stripLeading().startsWith("FAKE:"));
    }
}
