package dev.speckitty.shell.command;

import dev.speckitty.shell.render.View;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a {@link ResultCommand} hands back: its result value with the view that renders it, and
 * how the process exits. {@code result} is absent when a command ends without one (logged out on a
 * connected Teamspace): under {@code --json} the runner then prints the failure document for the
 * ending. The ending is asked for after the result is shown, because deciding it may prompt
 * (the logged-out decision of {@code sync status --check}: report first, then Login/Skip/Quit).
 */
public record Outcome<T>(T result, View<T> view, Supplier<Ending> ending) {

    /** The exit code and, for a failing one, the reason a {@code --json} failure document names. */
    public record Ending(Exit exit, String reason) {
        public static final Ending OK = new Ending(Exit.OK, null);
    }

    public static <T> Outcome<T> ok(T result, View<T> view) {
        return new Outcome<>(result, view, () -> Ending.OK);
    }

    /** A result that ends with a failing exit (a critical finding, a check that failed). */
    public static <T> Outcome<T> failed(T result, View<T> view, Exit exit, String reason) {
        Ending ending = new Ending(exit, reason);
        return new Outcome<>(result, view, () -> ending);
    }

    /** A result whose exit is decided once the user has seen it. */
    public static <T> Outcome<T> shownThen(T result, View<T> view, Supplier<Ending> ending) {
        return new Outcome<>(result, view, ending);
    }

    /** No result to show: the exit alone says what happened. */
    public static Outcome<Void> exit(Exit exit, String reason) {
        Ending ending = new Ending(exit, reason);
        return new Outcome<>(null, null, () -> ending);
    }

    public boolean hasResult() {
        return result != null;
    }

    public boolean failure() {
        return hasResult() && view.failure(result);
    }

    public boolean textUnderJson() {
        return hasResult() && view.textUnderJson(result);
    }

    public void text(PrintWriter out) {
        view.text(result, out);
    }

    public Map<String, ?> json() {
        return view.json(result);
    }
}
