package dev.speckitty.shell.command;

import dev.speckitty.shell.render.View;
import dev.speckitty.shell.runner.ExitCode;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a {@link ResultCommand} hands back: its result value with the view that renders it, and
 * how the process exits. {@code result} is absent when a command ends without one (logged out on a
 * connected Teamspace): under {@code --json} the runner then prints the failure document for the exit.
 * {@code reason} names a failing exit in that document.
 */
public record Outcome<T>(T result, View<T> view, ExitCode exit, String reason) {

    public static <T> Outcome<T> ok(T result, View<T> view) {
        return new Outcome<>(result, view, ExitCode.OK, null);
    }

    /** A result that ends with a failing exit (a critical finding, a check that failed). */
    public static <T> Outcome<T> failed(T result, View<T> view, ExitCode exit, String reason) {
        return new Outcome<>(result, view, exit, reason);
    }

    /** No result to show: the exit alone says what happened. */
    public static Outcome<Void> exit(ExitCode exit, String reason) {
        return new Outcome<>(null, null, exit, reason);
    }

    public boolean hasResult() {
        return result != null;
    }

    public boolean failureView() {
        return hasResult() && view.failure();
    }

    public void text(PrintWriter out) {
        view.text(result, out);
    }

    public Map<String, ?> json() {
        return view.json(result);
    }
}
