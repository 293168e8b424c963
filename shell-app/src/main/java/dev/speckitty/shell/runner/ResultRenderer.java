package dev.speckitty.shell.runner;

import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.render.JsonOutput;
import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints what a result command returned: its view's text, or with {@code --json} its one
 * document (stdout then carries nothing else). A failure's lines go to stderr; so do the human
 * lines a view keeps under {@code --json}. A view without a document of its own leaves the
 * failure document to the exit (CommandDispatcher, JsonFailure).
 */
final class ResultRenderer {

    private final PrintWriter err;

    ResultRenderer(PrintWriter err) {
        this.err = err;
    }

    void render(Outcome<?> outcome, boolean json, PrintWriter out) {
        if (!outcome.hasResult()) {
            return;
        }
        if (json) {
            Map<String, ?> document = outcome.json();
            if (document != null) {
                JsonOutput.print(out, document);
            }
            if (outcome.textUnderJson()) {
                outcome.text(err);
            }
        } else {
            outcome.text(outcome.failure() ? err : out);
        }
        out.flush();
        err.flush();
    }
}
