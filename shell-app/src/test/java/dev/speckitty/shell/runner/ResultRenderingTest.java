package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.Exit;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.View;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result command returns its result; the runner prints the text or the one --json document,
 * sends a failure's lines to stderr and only then asks how the command ends.
 */
class ResultRenderingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> events = new ArrayList<>();

    /** A one-word result: {@code word} as text, {@code {"word": ...}} as JSON. */
    private record Word(String word) {}

    private static class WordView implements View<Word> {
        @Override
        public void text(Word result, PrintWriter writer) {
            writer.println("word: " + result.word());
        }

        @Override
        public Map<String, ?> json(Word result) {
            return Map.of("word", result.word());
        }
    }

    private static final class FailedWord extends WordView {
        @Override
        public boolean failure(Word result) {
            return true;
        }
    }

    private static final class NarratedWord extends WordView {
        @Override
        public Map<String, ?> json(Word result) {
            return Map.of("status", "done");
        }

        @Override
        public boolean textUnderJson(Word result) {
            return true;
        }
    }

    private final CommandRegistry registry = new CommandRegistry(Set.of(
            command("word show", () -> Outcome.ok(new Word("cat"), new WordView())),
            command("word fail", () -> Outcome.failed(new Word("dog"), new FailedWord(), Exit.FAILED, "no dog")),
            command("word narrate", () -> Outcome.ok(new Word("step"), new NarratedWord())),
            command("word gone", () -> Outcome.exit(Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out")),
            command("word ask", () -> Outcome.shownThen(new Word("asked"), new WordView(), () -> {
                events.add("ending asked after: " + out.toString().strip());
                return new Outcome.Ending(Exit.LOGGED_OUT_ON_CONNECTED_TEAMSPACE, "logged out");
            })),
            command("word unreadable", () -> Outcome.shownThen(new Word("broken"), new WordView(), () -> {
                throw CommandFailedException.coded("session_unreadable", "The session file cannot be used.");
            }))));

    private static ResultCommand command(String name, Supplier<Outcome<?>> body) {
        return new ResultCommand(name, "Does " + name + ".", "Test", List.of()) {
            @Override
            public Outcome<?> run(CommandContext context) {
                return body.get();
            }
        };
    }

    private ExitCode run(String line) {
        return InProcessRun.run(registry, out, err, line);
    }

    private JsonNode onlyDocument() {
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as(out.toString()).hasSize(1);
        return JSON.readTree(lines.getFirst());
    }

    @Test
    void aResultIsTextOrExactlyOneVersionedDocument() {
        assertThat(run("word show")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("word: cat\n");
        assertThat(run("word show --json")).isEqualTo(ExitCode.OK);
        assertThat(onlyDocument().toString()).isEqualTo("{\"word\":\"cat\",\"schema_version\":1}");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailureResultGoesToStderrAndKeepsItsDocumentUnderJson() {
        assertThat(run("word fail")).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("word: dog\n");
        assertThat(run("word fail --json")).isEqualTo(ExitCode.FAILED);
        assertThat(onlyDocument().path("word").asString()).isEqualTo("dog");
        assertThat(err.toString()).isEqualTo("word: dog\n");
    }

    @Test
    void underJsonNarrationMovesToStderrAndStdoutCarriesOnlyTheDocument() {
        assertThat(run("word narrate")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("word: step\n");
        assertThat(run("word narrate --json")).isEqualTo(ExitCode.OK);
        assertThat(onlyDocument().path("status").asString()).isEqualTo("done");
        assertThat(err.toString()).isEqualTo("word: step\n");
    }

    @Test
    void anExitWithoutAResultIsTheRunnersFailureDocument() {
        assertThat(run("word gone")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(out.toString()).isEmpty();
        assertThat(run("word gone --json")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(onlyDocument().path("error").path("code").asString()).isEqualTo("logged_out_on_connected_teamspace");
    }

    @Test
    void theEndingIsDecidedAfterTheResultIsShown() {
        assertThat(run("word ask")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(events).containsExactly("ending asked after: word: asked");
        // the result's own document stands: no second, failure document
        assertThat(run("word ask --json")).isEqualTo(ExitCode.LOGGED_OUT_ON_CONNECTED_TEAMSPACE);
        assertThat(onlyDocument().path("word").asString()).isEqualTo("asked");
    }

    @Test
    void anEndingThatFailsFollowsTheShownResult() {
        assertThat(run("word unreadable --json")).isEqualTo(ExitCode.FAILED);
        assertThat(onlyDocument().path("word").asString()).isEqualTo("broken");
        assertThat(err.toString()).isEqualTo("The session file cannot be used.\n");
        assertThat(run("word unreadable")).isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).isEqualTo("word: broken\n");
    }
}
