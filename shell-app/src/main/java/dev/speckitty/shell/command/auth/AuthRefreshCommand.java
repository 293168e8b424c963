package dev.speckitty.shell.command.auth;

import dev.speckitty.application.session.RefreshAttempt;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.shell.command.Exit;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.RefreshView;
import java.time.Clock;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth refresh [--force] [--json]}: refresh now if the access token is near expiry (always
 * with {@code --force}) through the refresh transaction, and report the outcome and the new
 * expiry, never the token. Lets scripts warm the session before a burst.
 */
public final class AuthRefreshCommand extends ResultCommand {

    private static final String FORCE = "force";

    private final SessionManager sessions;
    private final Clock clock;

    public AuthRefreshCommand(SessionManager sessions, Clock clock) {
        super("auth refresh", "Refresh the access token now if it is near expiry (always with --force).",
                AuthGroup.NAME, List.of(OptionSpecs.flag(FORCE, 'f', "Refresh even if the token is still fresh"),
                        OptionSpecs.flag(AuthGroup.JSON, "Print the outcome as one JSON document")));
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Outcome<RefreshView.Refreshed> run(CommandContext context) {
        RefreshAttempt attempt = sessions.refresh(ParsedOptions.flag(context, FORCE));
        RefreshView.Refreshed refreshed = new RefreshView.Refreshed(attempt, clock.instant());
        return attempt.session() != null ? Outcome.ok(refreshed, new RefreshView())
                : Outcome.failed(refreshed, new RefreshView(), Exit.FAILED, attempt.outcomeName());
    }
}
