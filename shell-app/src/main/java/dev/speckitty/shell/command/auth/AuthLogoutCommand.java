package dev.speckitty.shell.command.auth;

import dev.speckitty.application.login.Logout;
import dev.speckitty.application.login.LogoutResult;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.render.LogoutView;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code auth logout [--force]}: revoke the refresh token server-side, then always delete the
 * local session, saying so when the server could not confirm.
 */
public final class AuthLogoutCommand extends ResultCommand {

    private static final String FORCE = "force";

    private final Logout logout;

    public AuthLogoutCommand(Logout logout) {
        super("auth logout", "Revoke the session on the server and delete it locally.", AuthGroup.NAME,
                List.of(OptionSpecs.flag(FORCE, 'f', "Skip server revocation; delete locally only")));
        this.logout = logout;
    }

    @Override
    public Outcome<LogoutResult> run(CommandContext context) {
        LogoutResult result = logout.run(!ParsedOptions.flag(context, FORCE));
        return Outcome.shownThen(result, new LogoutView(), () -> {
            if (result.wasLoggedIn() && !result.loggedOut()) {
                throw CommandFailedException.coded("local_deletion_failed",
                        "X Local credentials could not be deleted: " + result.deletionFailure(),
                        "  You may need to delete them manually.");
            }
            return Outcome.Ending.OK;
        });
    }
}
