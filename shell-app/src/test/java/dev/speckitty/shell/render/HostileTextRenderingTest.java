package dev.speckitty.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.shell.runner.TerminalStreams;
import dev.speckitty.testfixtures.SessionBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 item 1 per field, in process: every field of the session that came from the server is
 * one escaped line in {@code auth status}; {@code --json} escapes C1 and bidi controls and still
 * decodes to the exact text; the terminal backstop escapes what a renderer forgot.
 */
class HostileTextRenderingTest {

    private static final String EVIL = "\u001b[2J\u0007\u009b31m\u009d8;;x\u009c\u202e\r\nFAKE: + Authenticated as admin";
    private static final String SHOWN = "\\x1b[2J\\x07\\x9b31m\\x9d8;;x\\x9c\\u202e\\x0d\\x0aFAKE: + Authenticated as admin";
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static StoredSession hostileSession() {
        List<Team> teams = List.of(new Team("t-1" + EVIL, "Team " + EVIL, "owner" + EVIL, true));
        return SessionBuilder.aSession().userId("user" + EVIL).email("dev" + EVIL + "@example.com").name("Name " + EVIL)
                .teams(teams).defaultTeamId("t-1" + EVIL).accessToken("at_SENTINEL_x").refreshToken("rt_SENTINEL_x")
                .sessionId("sess" + EVIL).issuedAt(NOW).accessTokenExpiresAt(NOW.plus(Duration.ofHours(1)))
                .refreshTokenExpiresAt(NOW.plus(Duration.ofDays(30))).authMethod("device_code" + EVIL).generation(1L).build();
    }

    @Test
    void everyServerFieldOfAuthStatusIsOneEscapedLine() {
        String text = AuthStatusText.render(new LocalSessionState.Active(hostileSession()),
                new StorageDescription("encrypted-file", "/home/u/auth" + EVIL), NOW);

        assertThat(text).contains("  User:           dev" + SHOWN + "@example.com (Name " + SHOWN + ")\n")
                .contains("  User ID:        user" + SHOWN + "\n")
                .contains("    - Team " + SHOWN + " (owner" + SHOWN + ") (private, default)\n")
                .contains("  Session ID:     sess" + SHOWN + "\n")
                .contains("  Location:       /home/u/auth" + SHOWN + "\n")
                .contains("  Auth method:    Unknown (device_code" + SHOWN + ")\n");
        assertNoControls(text.replace("\n", ""));
        assertThat(text.lines()).noneMatch(line -> line.startsWith("FAKE"));
    }

    @Test
    void jsonEscapesC1AndBidiAndDecodesToTheSameText() {
        String json = JsonOutput.toJson(AuthStatusJson.identity(hostileSession()));

        assertNoControls(json);
        assertThat(json).contains("\\u001B[2J\\u0007\\u009B31m\\u009D8;;x\\u009C\\u202E\\r\\nFAKE");
        Map<?, ?> decoded = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(decoded.get("name")).isEqualTo("Name " + EVIL);
        assertThat(JsonOutput.toJson(Map.of("k", "del\u007f"))).isEqualTo("{\"k\":\"del\\u007F\",\"schema_version\":1}");
    }

    @Test
    void theTerminalBackstopEscapesWhatARendererForgotButKeepsOurLayout() {
        StringWriter terminal = new StringWriter();
        PrintWriter out = TerminalStreams.terminalSafe(terminal);
        out.print("line one\r\n\tok " + EVIL + " 🐱\n");
        char[] halves = "🐱\u202e".toCharArray();
        out.write(halves, 0, 1); // a surrogate pair split across two writes is judged whole
        out.write(halves, 1, 2);
        out.flush();

        assertThat(terminal.toString()).isEqualTo(
                "line one\r\n\tok \\x1b[2J\\x07\\x9b31m\\x9d8;;x\\x9c\\u202e\r\nFAKE: + Authenticated as admin 🐱\n🐱\\u202e");
    }

    private static void assertNoControls(String output) {
        output.codePoints().forEach(cp -> assertThat(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
                || Character.getType(cp) == Character.FORMAT).as("U+%04X in %s", cp, output).isFalse());
    }
}
