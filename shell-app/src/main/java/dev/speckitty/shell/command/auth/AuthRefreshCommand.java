package dev.speckitty.shell.command.auth;

import dev.speckitty.application.auth.AuthProblem;
import dev.speckitty.application.auth.RefreshAttempt;
import dev.speckitty.application.auth.SessionManager;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.DurationFormat;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.Timestamps;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code auth refresh [--force] [--json]}: refresh now if the access token is near expiry (always
 * with {@code --force}) through the refresh transaction, and report the outcome and the new
 * expiry, never the token. Lets scripts warm the session before a burst.
 */
public final class AuthRefreshCommand extends SpecKittyCommand {

    private static final String FORCE = "force";

    /** The outcomes in the user's terms; their machine names are for --json. */
    private static final Map<String, String> OUTCOME_WORDS = Map.of(
            "refreshed", "Refreshed",
            "not_needed", "No refresh needed",
            "adopted_newer", "Another spec-kitty process had just refreshed; using its token",
            "lock_timeout_adopted", "Another spec-kitty process refreshed meanwhile; using its token",
            "stale_rejection_preserved", "The server refused an old token; the newer session was kept");

    private final SessionManager sessions;
    private final Clock clock;
    private final PrintWriter err;

    public AuthRefreshCommand(SessionManager sessions, Clock clock, PrintWriter err) {
        super("auth refresh", "Refresh the access token now if it is near expiry (always with --force).",
                AuthGroup.NAME, List.of(OptionSpecs.flag(FORCE, 'f', "Refresh even if the token is still fresh"),
                        OptionSpecs.flag(AuthGroup.JSON, "Print the outcome as one JSON document")));
        this.sessions = sessions;
        this.clock = clock;
        this.err = err;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        RefreshAttempt attempt = sessions.refresh(ParsedOptions.flag(context, FORCE));
        Instant now = clock.instant();
        if (ParsedOptions.flag(context, AuthGroup.JSON)) {
            JsonOutput.print(context.outputWriter(), document(attempt, now));
        } else if (attempt.session() != null) {
            long left = Duration.between(now, attempt.session().accessTokenExpiresAt()).toSeconds();
            context.outputWriter().println("+ " + OUTCOME_WORDS.getOrDefault(attempt.outcomeName(), "Session usable")
                    + " (access token valid for " + DurationFormat.format(left) + ").");
        } else {
            err.println("X " + attempt.problem().message());
            err.flush();
        }
        return attempt.session() != null ? ExitStatus.OK : new ExitStatus(1, attempt.outcomeName());
    }

    private static Map<String, Object> document(RefreshAttempt attempt, Instant now) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("outcome", attempt.outcomeName());
        document.put("network_call", attempt.report() != null && attempt.report().networkCall());
        if (attempt.session() != null) {
            Instant expiry = attempt.session().accessTokenExpiresAt();
            document.put("access_token_expires_at", Timestamps.format(expiry));
            document.put("access_token_remaining_s", Math.max(0, Duration.between(now, expiry).toSeconds()));
            document.put("error", null);
        } else {
            AuthProblem problem = attempt.problem();
            document.put("error", Map.of("code", problem.kind().machineName(), "message", problem.message()));
        }
        return document;
    }
}
