package dev.speckitty.shell.command.auth;

import dev.speckitty.application.session.InspectLocalSession;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.AuthViews;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth whoami [--json]}: the signed-in identity for scripts. Nothing on stdout and exit 1
 * when there is no usable session, so {@code $(spec-kitty auth whoami)} is empty exactly then.
 */
public final class AuthWhoamiCommand extends ResultCommand {

    private final InspectLocalSession inspectLocalSession;

    public AuthWhoamiCommand(InspectLocalSession inspectLocalSession) {
        super("auth whoami", "Print the signed-in identity (email). Exit 1 when not logged in.",
                AuthGroup.NAME, List.of(OptionSpecs.flag(AuthGroup.JSON, "Print {email, name, user_id} as JSON")));
        this.inspectLocalSession = inspectLocalSession;
    }

    @Override
    public Outcome<StoredSession> run(CommandContext context) {
        return switch (inspectLocalSession.inspect()) {
            case LocalSessionState.Active active -> Outcome.ok(active.session(), new AuthViews.Identity());
            case LocalSessionState.LoggedOut loggedOut ->
                    throw CommandFailedException.coded("not_authenticated", "X Not authenticated",
                            AuthGroup.LOGIN_HINT);
            case LocalSessionState.RefreshExpired expired ->
                    throw CommandFailedException.coded("refresh_expired", "X Session expired (refresh token expired)",
                            "  Run spec-kitty auth login to re-authenticate.");
            case LocalSessionState.Unreadable unreadable ->
                    throw CommandFailedException.coded("session_unreadable", unreadable.problem().getMessage(),
                            AuthGroup.UNTOUCHED_HINT);
        };
    }
}
