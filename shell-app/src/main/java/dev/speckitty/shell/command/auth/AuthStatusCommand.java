package dev.speckitty.shell.command.auth;

import dev.speckitty.application.session.InspectLocalSession;
import dev.speckitty.application.session.LocalSessionReport;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.AuthViews;
import java.time.Clock;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth status [--json]}: the local session only, no network. Exit 0 whether or not logged
 * in; an unreadable session file is a failure (exit 1) because the user must act on it.
 */
public final class AuthStatusCommand extends ResultCommand {

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
    public Outcome<?> run(CommandContext context) {
        if (ParsedOptions.flag(context, SHORT)) {
            Presence answer = presence.check();
            return Outcome.shownThen(answer, new AuthViews.PresenceOnly(), () -> {
                if (answer == Presence.UNREADABLE) {
                    throw new CommandFailedException(
                            "The session file cannot be used; run spec-kitty auth status for details.");
                }
                return Outcome.Ending.OK;
            });
        }
        LocalSessionReport report = inspectLocalSession.report();
        // the document (--json) shows an unreadable session too; then the failure says what to do
        return Outcome.shownThen(new AuthViews.SessionAt(report, clock.instant()), new AuthViews.Status(), () -> {
            if (report.state() instanceof LocalSessionState.Unreadable unreadable) {
                throw new CommandFailedException(unreadable.problem().getMessage(), AuthGroup.UNTOUCHED_HINT);
            }
            return Outcome.Ending.OK;
        });
    }
}
