package dev.speckitty.shell.command.auth;

import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.LoginResult;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.shell.command.Exit;
import dev.speckitty.shell.render.LoginView;
import dev.speckitty.shell.render.NetworkTrouble;
import dev.speckitty.shell.render.SnakeCase;
import java.io.PrintWriter;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth login [--headless] [--force]}: browser login (authorization code + PKCE on a
 * loopback redirect) or, headless, the device grant. The new session is written in one atomic
 * step at the very end, so Ctrl-C (exit 130) or a failure leaves the previous state intact. The
 * conversation while it runs (the URL, the device code) goes to stdout before the result, as the
 * reference prints it, and to stderr under {@code --json}, whose stdout carries one document; the
 * result is rendered by the runner (LoginView).
 */
public final class AuthLoginCommand extends ResultCommand {

    private static final String HEADLESS = "headless";
    private static final String FORCE = "force";

    private final Login login;
    private final HostedTarget target;
    private final PrintWriter conversation;
    private final PrintWriter err;
    private final boolean terminal;

    /**
     * @param conversation the URL, the device code and the waiting lines: stdout, as the reference
     *     prints them, or stderr under {@code --json} (runner.Conversation)
     * @param err the countdown a terminal rewrites in place, and "Login cancelled by user."
     */
    public AuthLoginCommand(Login login, HostedTarget target, PrintWriter conversation, PrintWriter err,
            boolean terminal) {
        super("auth login", "Log in to the hosted service (browser, or --headless for a device code).",
                AuthGroup.NAME, List.of(
                        OptionSpecs.flag(HEADLESS, "Use the device authorization grant (no browser needed)"),
                        OptionSpecs.flag(FORCE, 'f', "Replace an existing session")));
        this.login = login;
        this.target = target;
        this.conversation = conversation;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Outcome<?> run(CommandContext context) {
        String baseUrl = target.requireBaseUrl();
        boolean headless = ParsedOptions.flag(context, HEADLESS);
        if (!headless) {
            conversation.println("Opening browser for OAuth authentication...");
            conversation.println("SaaS: " + UntrustedText.line(baseUrl));
        }
        ConsoleLoginProgress progress = new ConsoleLoginProgress(conversation, err, terminal);
        Thread cancelled = new Thread(() -> { // flushed here: nothing else flushes stderr during shutdown
            conversation.flush();
            err.println(System.lineSeparator() + "Login cancelled by user.");
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(cancelled); // Ctrl-C: the JVM exits 130 with nothing written
        LoginResult result;
        try {
            result = login.run(headless, ParsedOptions.flag(context, FORCE), progress);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cancelled);
            progress.done();
        }
        return switch (result) {
            case LoginResult.Failed failed when failed.reason() == LoginResult.Reason.INTERRUPTED ->
                    Outcome.exit(Exit.INTERRUPTED, failed.message());
            case LoginResult.Failed failed -> throw failure(failed);
            case LoginResult.LoggedIn loggedIn -> Outcome.ok(LoginView.LoggedIn.of(result, headless), new LoginView());
            case LoginResult.AlreadyLoggedIn already -> Outcome.ok(LoginView.LoggedIn.of(result, headless), new LoginView());
        };
    }

    private CommandFailedException failure(LoginResult.Failed failed) {
        String code = SnakeCase.of(failed.reason());
        return NetworkTrouble.explain(failed.message(), target.requireBaseUrl())
                .map(words -> CommandFailedException.coded(code, "X " + words, NetworkTrouble.hint()))
                .orElseGet(() -> CommandFailedException.coded(code, "X " + failed.message()));
    }
}
