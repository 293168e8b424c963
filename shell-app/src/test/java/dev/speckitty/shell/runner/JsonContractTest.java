package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.port.LocalFileException;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.JsonOutput;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With --json every command prints exactly one JSON document on stdout, success or failure. */
class JsonContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandRegistry registry = new CommandRegistry(Set.of(
            command("team bind", context -> {
                context.outputWriter().println("+ Bound"); // a command that never looks at --json
                return ExitStatus.OK;
            }),
            command("team show", context -> {
                JsonOutput.print(context.outputWriter(), Map.of("teamspace", "acme/x"));
                return ExitStatus.OK;
            }),
            command("auth whoami", context -> {
                throw CommandFailedException.coded("not_authenticated", "X Not authenticated",
                        "  Run spec-kitty auth login to authenticate.");
            }),
            command("sync now", context -> new ExitStatus(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE.code(), "logged out")),
            command("sync enqueue", context -> {
                throw new LocalFileException("/home/u/.spec-kitty/queue.db is not a SQLite database. "
                        + "Move it aside and run the command again.", new java.io.IOException("file is not a database"));
            }),
            command("auth broken", context -> {
                throw new IllegalStateException("at_SENTINEL_1");
            })));

    private static SpecKittyCommand command(String name, Function<CommandContext, ExitStatus> body) {
        return new SpecKittyCommand(name, "Does " + name + ".", "Test", List.of()) {
            @Override
            public ExitStatus execute(CommandContext context) {
                return body.apply(context);
            }
        };
    }

    private ExitCode run(String line) {
        return InProcessRun.run(registry, out, err, line);
    }

    private JsonNode onlyDocument() {
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as(out.toString()).hasSize(1);
        JsonNode document = JSON.readTree(lines.getFirst());
        assertThat(document.path("schema_version").asInt()).isEqualTo(1);
        return document;
    }

    @Test
    void everyCommandTakesJsonDeclaredOnce() {
        assertThat(run("team bind --help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("team bind [--json]", "  --json ", "Print one JSON document (also on failure)");
    }

    @Test
    void successDocumentsCarryASchemaVersion() {
        assertThat(run("team show --json")).isEqualTo(ExitCode.OK);
        assertThat(onlyDocument().path("teamspace").asString()).isEqualTo("acme/x");
    }

    @Test
    void anExpectedFailureIsTheErrorDocumentWithItsCodeAndTheHumanTextStaysOnStderr() {
        assertThat(run("auth whoami --json")).isEqualTo(ExitCode.FAILED);
        JsonNode error = onlyDocument().path("error");
        assertThat(error.path("code").asString()).isEqualTo("not_authenticated");
        assertThat(error.path("message").asString()).isEqualTo("Not authenticated");
        assertThat(error.path("action").asString()).isEqualTo("Run spec-kitty auth login to authenticate.");
        assertThat(err.toString()).contains("X Not authenticated");
    }

    @Test
    void aFailingExitWithNothingPrintedStillGivesOneDocument() {
        assertThat(run("sync now --json")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(onlyDocument().path("error").path("code").asString()).isEqualTo("logged_out_on_connected_teamspace");
    }

    @Test
    void usageAndInternalErrorsAreDocumentsTooWithoutForeignText() {
        assertThat(run("auth whoami --json --verbose")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        JsonNode usage = onlyDocument().path("error");
        assertThat(usage.path("code").asString()).isEqualTo("usage_error");
        assertThat(usage.path("action").asString()).isEqualTo("Run 'spec-kitty auth whoami --help' for usage.");

        assertThat(run("auth stauts --json")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(onlyDocument().path("error").path("message").asString()).isEqualTo("unknown command 'auth stauts'");

        assertThat(run("auth broken --json")).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(onlyDocument().path("error").path("code").asString()).isEqualTo("internal_error");
        assertThat(out.toString() + err).doesNotContain("SENTINEL");
    }

    /** A broken queue, config.yaml or refresh lock: the command failed (exit 1), it is no internal error. */
    @Test
    void anUnusableLocalFileIsItsOwnFailureNotAnInternalError() {
        assertThat(run("sync enqueue --json")).isEqualTo(ExitCode.FAILED);
        JsonNode error = onlyDocument().path("error");
        assertThat(error.path("code").asString()).isEqualTo("local_file_unusable");
        assertThat(error.path("message").asString()).isEqualTo("/home/u/.spec-kitty/queue.db is not a SQLite database. "
                + "Move it aside and run the command again.");
        assertThat(out.toString() + err).doesNotContain("file is not a database");
    }

    @Test
    void withoutJsonFailuresPrintNothingOnStdout() {
        assertThat(run("auth whoami")).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(run("sync now")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(out.toString()).isEmpty();
    }
}
