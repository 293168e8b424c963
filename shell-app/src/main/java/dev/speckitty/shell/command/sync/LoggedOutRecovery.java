package dev.speckitty.shell.command.sync;

import dev.speckitty.application.auth.Login;
import dev.speckitty.application.auth.LoginResult;
import dev.speckitty.application.sync.ConnectedTeamspaceDetector;
import dev.speckitty.shell.config.Interactivity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The logged-out-on-a-connected-Teamspace facade (behaviour.md §2.3): nothing when no Teamspace is
 * detected; one structured stderr line and exit 4 for automation; a Login/Skip/Quit prompt for a
 * person.
 */
public final class LoggedOutRecovery {

    /** What the caller does next. */
    public enum Decision { NO_TEAMSPACE, EXIT_4, LOGGED_IN, SKIPPED, QUIT }

    private final ConnectedTeamspaceDetector detector;
    private final Interactivity interactivity;
    private final Supplier<Login> login;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;

    public LoggedOutRecovery(ConnectedTeamspaceDetector detector, Interactivity interactivity, Supplier<Login> login,
            PrintWriter out, PrintWriter err, BufferedReader in) {
        this.detector = detector;
        this.interactivity = interactivity;
        this.login = login;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public Decision handle(String commandName) {
        Optional<String> teamspace = detector.detect();
        if (teamspace.isEmpty()) {
            return Decision.NO_TEAMSPACE;
        }
        if (!interactivity.interactive()) {
            err.println("spec-kitty: logged_out_on_connected_teamspace teamspace=" + teamspace.get() + " command="
                    + commandName + " action=run-spec-kitty-auth-login");
            err.flush();
            return Decision.EXIT_4;
        }
        out.println("╭─ Logged out on a connected teamspace");
        out.println("│ This repo is connected to teamspace " + teamspace.get() + ", but you are not logged in.");
        out.println("│ Command: spec-kitty " + commandName);
        out.println("│ Choose: Login to re-authenticate, Skip and continue with the legacy message, Quit.");
        out.println("╰─");
        out.print("[L]ogin / [S]kip / [Q]uit: ");
        out.flush();
        return switch (key()) {
            case "l" -> attemptLogin();
            case "q" -> Decision.QUIT;
            default -> Decision.SKIPPED; // s, any other key, EOF: never blocks
        };
    }

    private Decision attemptLogin() {
        LoginResult result = login.get().run(false, false, new dev.speckitty.application.auth.LoginProgress() {
            @Override
            public void browserLogin(String authorizeUrl, boolean opened) {
                out.println("Open this URL to log in:");
                out.println("  " + authorizeUrl);
                out.flush();
            }

            @Override
            public void deviceCode(String userCode, String uri, String complete, java.time.Duration validFor) {}

            @Override
            public void waiting(java.time.Duration remaining) {}
        });
        if (result instanceof LoginResult.Failed failed) {
            out.println("Login failed: " + failed.message());
            out.flush();
            return Decision.SKIPPED;
        }
        return Decision.LOGGED_IN;
    }

    private String key() {
        try {
            String line = in.readLine();
            return line == null || line.isBlank() ? "" : line.strip().substring(0, 1).toLowerCase(Locale.ROOT);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
