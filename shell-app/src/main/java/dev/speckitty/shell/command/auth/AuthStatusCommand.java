package dev.speckitty.shell.command.auth;

import dev.speckitty.application.auth.InspectLocalSession;
import dev.speckitty.application.auth.SessionPresence;
import dev.speckitty.application.auth.SessionPresence.Presence;
import java.util.Map;
import dev.speckitty.application.auth.LocalSessionReport;
import dev.speckitty.application.auth.LocalSessionState;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.AuthStatusJson;
import dev.speckitty.shell.render.AuthStatusText;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.command.CommandFailedException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code auth status [--json]}: the local session only, no network. Exit 0 whether or not logged
 * in; an unreadable session file is a failure (exit 1) because the user must act on it.
 */
public final class AuthStatusCommand extends SpecKittyCommand {

    private static final String SHORT = "short";

    private final InspectLocalSession inspectLocalSession;
    private final SessionPresence presence;
    private final Clock clock;

    public AuthStatusCommand(InspectLocalSession inspectLocalSession, SessionPresence presence, Clock clock) {
        super("auth status", "Show the local session: user, teams, token lifetimes, storage. No network.",
                AuthGroup.NAME, List.of(OptionSpecs.flag(AuthGroup.JSON, "Print one JSON document"),
                        OptionSpecs.flag(SHORT, "Presence only (authenticated, refresh_expired, "
                                + "not_authenticated); answered from the hot path without decrypting")));
        this.inspectLocalSession = inspectLocalSession;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        if (ParsedOptions.flag(context, SHORT)) {
            return presenceOnly(context);
        }
        LocalSessionReport report = inspectLocalSession.report();
        LocalSessionState state = report.state();
        Instant now = clock.instant();
        if (ParsedOptions.flag(context, AuthGroup.JSON)) {
            JsonOutput.print(context.outputWriter(), AuthStatusJson.document(report, now));
        } else if (!(state instanceof LocalSessionState.Unreadable)) {
            context.outputWriter().print(AuthStatusText.render(report, now));
        }
        if (state instanceof LocalSessionState.Unreadable unreadable) {
            throw new CommandFailedException(unreadable.problem().getMessage(), AuthGroup.UNTOUCHED_HINT);
        }
        return ExitStatus.OK;
    }

    private ExitStatus presenceOnly(CommandContext context) {
        Presence answer = presence.check();
        if (ParsedOptions.flag(context, AuthGroup.JSON)) {
            JsonOutput.print(context.outputWriter(), Map.of("state", answer.machineName()));
        } else {
            context.outputWriter().println(answer.machineName());
        }
        if (answer == Presence.UNREADABLE) {
            throw new CommandFailedException("The session file cannot be used; run spec-kitty auth status for details.");
        }
        return ExitStatus.OK;
    }
}
