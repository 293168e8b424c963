package dev.speckitty.shell.command.sync;

import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.LoginProgress;
import dev.speckitty.application.login.LoginResult;
import dev.speckitty.application.sync.LoggedOutRoute;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The prompt half of the logged-out-on-a-connected-Teamspace facade (docs/spec/behaviour.md §2.3); the
 * decision is {@link LoggedOutRoute}'s. For automation the two stderr lines and exit 4; for a
 * person a Login/Skip/Quit prompt that asks again until it gets one of those three answers (end of
 * input counts as Skip, so it never blocks).
 */
public final class LoggedOutRecovery {

    /** What the caller does next. */
    public enum Decision { NO_TEAMSPACE, EXIT_4, LOGGED_IN, SKIPPED, QUIT }

    private static final Set<String> ANSWERS = Set.of("l", "login", "s", "skip", "q", "quit");

    private final LoggedOutRoute route;
    private final Supplier<Login> login;
    private final PrintWriter conversation;
    private final PrintWriter err;
    private final BufferedReader in;

    /**
     * @param conversation the panel, the prompt and the login URL, for a person: stdout as the
     *     reference prints them (docs/spec/behaviour.md §2.3, E-table), stderr under {@code --json}
     * @param err the two lines for automation (reason and structured line), always stderr
     */
    public LoggedOutRecovery(LoggedOutRoute route, Supplier<Login> login, PrintWriter conversation, PrintWriter err,
            BufferedReader in) {
        this.route = route;
        this.login = login;
        this.conversation = conversation;
        this.err = err;
        this.in = in;
    }

    /** Why no session can be used, for the session as it is now. */
    public String whyNoSession() {
        return route.whyNoSession();
    }

    public Decision handle(String commandName) {
        return switch (route.decide(commandName)) {
            case LoggedOutRoute.Decision.NoTeamspace none -> Decision.NO_TEAMSPACE;
            case LoggedOutRoute.Decision.Stop stop -> {
                err.println(stop.reason());
                err.println(stop.structuredLine());
                err.flush();
                yield Decision.EXIT_4;
            }
            case LoggedOutRoute.Decision.Ask ask -> ask(ask, commandName);
        };
    }

    private Decision ask(LoggedOutRoute.Decision.Ask ask, String commandName) {
        conversation.println("╭─ Logged out on a connected teamspace");
        conversation.println("│ This repo is connected to teamspace " + ask.teamspace() + ", but you are not logged in.");
        conversation.println("│ " + ask.reason());
        conversation.println("│ Command: spec-kitty " + commandName);
        conversation.println("│ Choose: Login to re-authenticate, Skip and continue with the legacy message, Quit.");
        conversation.println("╰─");
        return switch (answer()) {
            case "l" -> attemptLogin();
            case "q" -> Decision.QUIT;
            default -> Decision.SKIPPED; // s, or end of input: never blocks
        };
    }

    /** {@code l}, {@code s} or {@code q} (or the word); asks again on anything else; end of input is {@code s}. */
    private String answer() {
        while (true) {
            conversation.print("[L]ogin / [S]kip / [Q]uit: ");
            conversation.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException unreadable) {
                return "s";
            }
            if (line == null) {
                conversation.println();
                return "s";
            }
            String word = line.strip().toLowerCase(Locale.ROOT);
            if (ANSWERS.contains(word)) {
                return word.substring(0, 1);
            }
            conversation.println("Please answer L, S or Q.");
        }
    }

    private Decision attemptLogin() {
        LoginResult result = login.get().run(false, false, new LoginProgress() {
            @Override
            public void browserLogin(String authorizeUrl, boolean opened) {
                conversation.println("Open this URL to log in:");
                conversation.println("  " + authorizeUrl);
                conversation.flush();
            }

            @Override
            public void deviceCode(String userCode, String uri, String complete, Duration validFor) {}

            @Override
            public void waiting(Duration remaining) {}
        });
        if (result instanceof LoginResult.Failed failed) {
            conversation.println("Login failed: " + failed.message());
            conversation.flush();
            return Decision.SKIPPED;
        }
        return Decision.LOGGED_IN;
    }
}
