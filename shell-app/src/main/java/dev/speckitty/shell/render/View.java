package dev.speckitty.shell.render;

import java.io.PrintWriter;
import java.util.Map;

/**
 * The two renderings of one result type: the human text and the one {@code --json} document. The
 * runner picks one; a command never looks at {@code --json} itself.
 */
public interface View<T> {

    void text(T result, PrintWriter out);

    /**
     * The document ({@link JsonOutput} adds {@code schema_version}); {@code null} for a failure
     * without a document of its own: the runner then prints the one failure document for its exit.
     */
    Map<String, ?> json(T result);

    /**
     * Whether this result is a failure: its human lines go to stderr, as the lines of a failure
     * that escapes a command do.
     */
    default boolean failure(T result) {
        return false;
    }

    /**
     * Whether the human lines are still written, to stderr, under {@code --json} (next to the
     * document on stdout): by default a failure's are, as for a failure that escapes a command.
     */
    default boolean textUnderJson(T result) {
        return failure(result);
    }
}
