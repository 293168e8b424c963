package dev.speckitty.shell.command.auth;

import dev.speckitty.application.auth.Logout;
import dev.speckitty.application.auth.LogoutResult;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.config.HostedServices;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code auth logout [--force]}: revoke the refresh token server-side, then always delete the
 * local session, saying so when the server could not confirm.
 */
public final class AuthLogoutCommand extends SpecKittyCommand {

    private static final String FORCE = "force";

    private final Logout logout;
    private final HostedServices hosted;

    public AuthLogoutCommand(Logout logout, HostedServices hosted) {
        super("auth logout", "Revoke the session on the server and delete it locally.", AuthGroup.NAME,
                List.of(OptionSpecs.flag(FORCE, 'f', "Skip server revocation; delete locally only")));
        this.logout = logout;
        this.hosted = hosted;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        Optional<AuthorizationServer> server = Optional.empty();
        if (ParsedOptions.flag(context, FORCE)) {
            out.println("Skipping server revocation (--force).");
        } else if (hosted.configured()) {
            server = Optional.of(hosted);
        } else {
            out.println("! Cannot reach SaaS (config error): no hosted server is configured. "
                    + "Proceeding with local logout only.");
        }
        LogoutResult result = logout.run(server);
        if (result.lockNote() != null) {
            out.println("! " + result.lockNote());
        }
        if (!result.wasLoggedIn()) {
            out.println("i Not logged in.");
            return ExitStatus.OK;
        }
        if (result.revoke() != null) {
            out.println(switch (result.revoke()) {
                case REVOKED -> "✓ Server revocation confirmed.";
                case NO_REFRESH_TOKEN -> "! Server revocation could not be attempted (no refresh token). "
                        + "Local credentials will still be deleted.";
                case NETWORK_ERROR -> "! Server revocation not confirmed (network error). "
                        + "Local credentials will still be deleted.";
                case SERVER_FAILURE -> "! Server revocation not confirmed (server error). "
                        + "Local credentials will still be deleted.";
            });
        }
        if (!result.loggedOut()) {
            throw new CommandFailedException("✗ Local credentials could not be deleted: " + result.deletionFailure(),
                    "  You may need to delete them manually.");
        }
        out.println("+ Logged out.");
        return ExitStatus.OK;
    }
}
