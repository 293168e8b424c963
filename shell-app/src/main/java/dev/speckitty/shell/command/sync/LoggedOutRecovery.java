package dev.speckitty.shell.command.sync;

import dev.speckitty.application.auth.Login;
import dev.speckitty.application.auth.LoginProgress;
import dev.speckitty.application.auth.LoginResult;
import dev.speckitty.application.auth.SessionPresence;
import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.application.sync.ConnectedTeamspaceDetector;
import dev.speckitty.shell.config.Interactivity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The logged-out-on-a-connected-Teamspace facade (docs/spec/behaviour.md §2.3): nothing when no Teamspace is
 * detected; for automation a line saying why there is no usable session, then the one structured
 * line and exit 4; for a person a Login/Skip/Quit prompt that asks again until it gets one of
 * those three answers (end of input counts as Skip, so it never blocks).
 */
public final class LoggedOutRecovery {

    /** What the caller does next. */
    public enum Decision { NO_TEAMSPACE, EXIT_4, LOGGED_IN, SKIPPED, QUIT }

    private static final Set<String> ANSWERS = Set.of("l", "login", "s", "skip", "q", "quit");

    private final ConnectedTeamspaceDetector detector;
    private final SessionPresence presence;
    private final Interactivity interactivity;
    private final Supplier<Login> login;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;

    public LoggedOutRecovery(ConnectedTeamspaceDetector detector, SessionPresence presence,
            Interactivity interactivity, Supplier<Login> login, PrintWriter out, PrintWriter err, BufferedReader in) {
        this.detector = detector;
        this.presence = presence;
        this.interactivity = interactivity;
        this.login = login;
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /** Why no session can be used, in the user's terms: missing, expired or unreadable. */
    public static String reason(Presence state) {
        return switch (state) {
            case NOT_AUTHENTICATED -> "Not logged in: there is no session on this machine"
                    + " (never logged in, logged out, or the server revoked it).";
            case REFRESH_EXPIRED -> "Not logged in: the session expired (its refresh token is past its expiry).";
            case UNREADABLE -> "Not logged in: the session file cannot be used (run spec-kitty auth doctor).";
            case AUTHENTICATED -> "Not logged in: the server no longer accepts the session.";
        };
    }

    /** {@link #reason} for the session as it is now. */
    public String whyNoSession() {
        return reason(presence.check());
    }

    public Decision handle(String commandName) {
        Optional<String> teamspace = detector.detect();
        if (teamspace.isEmpty()) {
            return Decision.NO_TEAMSPACE;
        }
        if (!interactivity.interactive()) {
            err.println(whyNoSession());
            err.println("spec-kitty: logged_out_on_connected_teamspace teamspace=" + teamspace.get() + " command="
                    + commandName + " action=run-spec-kitty-auth-login");
            err.flush();
            return Decision.EXIT_4;
        }
        out.println("╭─ Logged out on a connected teamspace");
        out.println("│ This repo is connected to teamspace " + teamspace.get() + ", but you are not logged in.");
        out.println("│ " + whyNoSession());
        out.println("│ Command: spec-kitty " + commandName);
        out.println("│ Choose: Login to re-authenticate, Skip and continue with the legacy message, Quit.");
        out.println("╰─");
        return switch (answer()) {
            case "l" -> attemptLogin();
            case "q" -> Decision.QUIT;
            default -> Decision.SKIPPED; // s, or end of input: never blocks
        };
    }

    /** {@code l}, {@code s} or {@code q} (or the word); asks again on anything else; end of input is {@code s}. */
    private String answer() {
        while (true) {
            out.print("[L]ogin / [S]kip / [Q]uit: ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException unreadable) {
                return "s";
            }
            if (line == null) {
                out.println();
                return "s";
            }
            String word = line.strip().toLowerCase(Locale.ROOT);
            if (ANSWERS.contains(word)) {
                return word.substring(0, 1);
            }
            out.println("Please answer L, S or Q.");
        }
    }

    private Decision attemptLogin() {
        LoginResult result = login.get().run(false, false, new LoginProgress() {
            @Override
            public void browserLogin(String authorizeUrl, boolean opened) {
                out.println("Open this URL to log in:");
                out.println("  " + authorizeUrl);
                out.flush();
            }

            @Override
            public void deviceCode(String userCode, String uri, String complete, Duration validFor) {}

            @Override
            public void waiting(Duration remaining) {}
        });
        if (result instanceof LoginResult.Failed failed) {
            out.println("Login failed: " + failed.message());
            out.flush();
            return Decision.SKIPPED;
        }
        return Decision.LOGGED_IN;
    }
}
