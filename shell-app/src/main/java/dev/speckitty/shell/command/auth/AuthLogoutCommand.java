package dev.speckitty.shell.command.auth;

import dev.speckitty.application.auth.Logout;
import dev.speckitty.application.auth.LogoutResult;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.config.HostedTarget;
import dev.speckitty.shell.render.JsonOutput;
import dev.speckitty.shell.render.SnakeCase;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final HostedTarget target;
    private final AuthorizationServer server;
    private final PrintWriter err;

    public AuthLogoutCommand(Logout logout, HostedTarget target, AuthorizationServer server, PrintWriter err) {
        super("auth logout", "Revoke the session on the server and delete it locally.", AuthGroup.NAME,
                List.of(OptionSpecs.flag(FORCE, 'f', "Skip server revocation; delete locally only")));
        this.logout = logout;
        this.target = target;
        this.server = server;
        this.err = err;
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        boolean json = ParsedOptions.flag(context, OptionSpecs.JSON);
        // With --json, stdout carries only the result document: the narration goes to stderr.
        PrintWriter out = json ? err : context.outputWriter();
        Optional<AuthorizationServer> revoker = Optional.empty();
        if (ParsedOptions.flag(context, FORCE)) {
            out.println("Skipping server revocation (--force).");
        } else if (target.baseUrl().isPresent()) {
            revoker = Optional.of(server);
        } else {
            out.println("! Cannot reach SaaS (config error): no hosted server is configured. "
                    + "Proceeding with local logout only.");
        }
        LogoutResult result = logout.run(revoker);
        if (result.lockNote() != null) {
            out.println("! " + result.lockNote());
        }
        if (!result.wasLoggedIn()) {
            out.println("i Not logged in.");
            printJson(context, json, "not_logged_in", result);
            return ExitStatus.OK;
        }
        if (result.revoke() != null) {
            out.println(switch (result.revoke()) {
                case REVOKED -> "+ Server revocation confirmed.";
                case NO_REFRESH_TOKEN -> "! Server revocation could not be attempted (no refresh token). "
                        + "Local credentials will still be deleted.";
                case NETWORK_ERROR -> "! Server revocation not confirmed (network error). "
                        + "Local credentials will still be deleted.";
                case SERVER_FAILURE -> "! Server revocation not confirmed (server error). "
                        + "Local credentials will still be deleted.";
            });
        }
        if (!result.loggedOut()) {
            throw CommandFailedException.coded("local_deletion_failed",
                    "X Local credentials could not be deleted: " + result.deletionFailure(),
                    "  You may need to delete them manually.");
        }
        out.println("+ Logged out.");
        printJson(context, json, "logged_out", result);
        return ExitStatus.OK;
    }

    /** {@code {"status", "server_revocation"}}; the revocation is null when none was attempted. */
    private static void printJson(CommandContext context, boolean json, String status, LogoutResult result) {
        if (!json) {
            return;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("server_revocation", result.revoke() == null ? null : SnakeCase.of(result.revoke()));
        JsonOutput.print(context.outputWriter(), document);
    }
}
