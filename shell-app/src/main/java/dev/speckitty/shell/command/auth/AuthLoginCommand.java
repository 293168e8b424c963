package dev.speckitty.shell.command.auth;

import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.LoginResult;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.runner.ExitCode;
import dev.speckitty.shell.render.AuthStatusJson;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.NetworkTrouble;
import dev.speckitty.shell.render.SnakeCase;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code auth login [--headless] [--force]}: browser login (authorization code + PKCE on a
 * loopback redirect) or, headless, the device grant. The new session is written in one atomic
 * step at the very end, so Ctrl-C (exit 130) or a failure leaves the previous state intact.
 */
public final class AuthLoginCommand extends SpecKittyCommand {

    private static final String HEADLESS = "headless";
    private static final String FORCE = "force";

    private final Login login;
    private final HostedTarget target;
    private final PrintWriter err;
    private final boolean terminal;

    public AuthLoginCommand(Login login, HostedTarget target, PrintWriter err, boolean terminal) {
        super("auth login", "Log in to the hosted service (browser, or --headless for a device code).",
                AuthGroup.NAME, List.of(
                        OptionSpecs.flag(HEADLESS, "Use the device authorization grant (no browser needed)"),
                        OptionSpecs.flag(FORCE, 'f', "Replace an existing session")));
        this.login = login;
        this.target = target;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        boolean json = ParsedOptions.flag(context, OptionSpecs.JSON);
        // With --json, stdout carries only the result document: the conversation goes to stderr.
        PrintWriter out = json ? err : context.outputWriter();
        String baseUrl = target.requireBaseUrl();
        boolean headless = ParsedOptions.flag(context, HEADLESS);
        if (!headless) {
            out.println("Opening browser for OAuth authentication...");
            out.println("SaaS: " + UntrustedText.line(baseUrl));
        }
        ConsoleLoginProgress progress = new ConsoleLoginProgress(out, err, terminal);
        Thread cancelled = new Thread(() -> { // flushed here: nothing else flushes stderr during shutdown
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
        if (json) {
            return printJson(context, result);
        }
        return switch (result) {
            case LoginResult.LoggedIn loggedIn -> {
                if (headless) {
                    out.println();
                    out.println("+ Authorization granted");
                }
                out.println();
                if (loggedIn.lockNote() != null) {
                    out.println("! " + loggedIn.lockNote());
                }
                out.println("+ Authenticated as " + UntrustedText.line(loggedIn.session().email()));
                out.println("  Default team: " + UntrustedText.line(defaultTeam(loggedIn.session())));
                yield ExitStatus.OK;
            }
            case LoginResult.AlreadyLoggedIn already -> {
                out.println("+ Already logged in as " + UntrustedText.line(already.session().email()));
                out.println("Run spec-kitty auth login --force to re-authenticate, or spec-kitty auth logout first.");
                yield ExitStatus.OK;
            }
            case LoginResult.Failed failed when failed.reason() == LoginResult.Reason.INTERRUPTED ->
                    ExitCode.INTERRUPTED.status(failed.message());
            case LoginResult.Failed failed -> throw failure(failed);
        };
    }

    private ExitStatus printJson(CommandContext context, LoginResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        StoredSession session = switch (result) {
            case LoginResult.LoggedIn loggedIn -> {
                document.put("status", "logged_in");
                yield loggedIn.session();
            }
            case LoginResult.AlreadyLoggedIn already -> {
                document.put("status", "already_logged_in");
                yield already.session();
            }
            case LoginResult.Failed failed when failed.reason() == LoginResult.Reason.INTERRUPTED -> null;
            case LoginResult.Failed failed -> throw failure(failed);
        };
        if (session == null) { // the runner prints the "interrupted" error document
            return ExitCode.INTERRUPTED.status("interrupted");
        }
        document.put("user", AuthStatusJson.identity(session));
        document.put("default_team_id", session.defaultTeamId());
        JsonOutput.print(context.outputWriter(), document);
        return ExitStatus.OK;
    }

    private CommandFailedException failure(LoginResult.Failed failed) {
        String code = SnakeCase.of(failed.reason());
        return NetworkTrouble.explain(failed.message(), target.requireBaseUrl())
                .map(words -> CommandFailedException.coded(code, "X " + words, NetworkTrouble.hint()))
                .orElseGet(() -> CommandFailedException.coded(code, "X " + failed.message()));
    }

    private static String defaultTeam(StoredSession session) {
        return session.teams().stream()
                .filter(team -> team.id().equals(session.defaultTeamId()))
                .findFirst()
                .map(team -> team.name() + (team.privateTeamspace() ? " [Private Teamspace]" : ""))
                .orElse(session.defaultTeamId().isEmpty() ? "(none: the server reports no teams)" : session.defaultTeamId());
    }
}
