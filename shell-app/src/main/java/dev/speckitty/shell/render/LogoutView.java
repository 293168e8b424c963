package dev.speckitty.shell.render;

import dev.speckitty.application.login.LogoutResult;
import dev.speckitty.application.login.LogoutResult.RevocationSkipped;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code auth logout}: what happened on the server and locally, one line per step, or
 * {@code {"status", "server_revocation"}} (the revocation is null when none was attempted). Under
 * {@code --json} the steps still go to stderr: stdout carries only the document.
 */
public final class LogoutView implements View<LogoutResult> {

    @Override
    public void text(LogoutResult result, PrintWriter out) {
        if (result.skipped() == RevocationSkipped.FORCED) {
            out.println("Skipping server revocation (--force).");
        } else if (result.skipped() == RevocationSkipped.NO_SERVER) {
            out.println("! Cannot reach SaaS (config error): no hosted server is configured. "
                    + "Proceeding with local logout only.");
        }
        if (result.lockNote() != null) {
            out.println("! " + result.lockNote());
        }
        if (!result.wasLoggedIn()) {
            out.println("i Not logged in.");
            return;
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
        if (result.loggedOut()) {
            out.println("+ Logged out.");
        }
    }

    @Override
    public Map<String, ?> json(LogoutResult result) {
        if (result.wasLoggedIn() && !result.loggedOut()) {
            return null; // the local deletion failed: the runner's failure document says so
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", result.wasLoggedIn() ? "logged_out" : "not_logged_in");
        document.put("server_revocation", result.revoke() == null ? null : SnakeCase.of(result.revoke()));
        return document;
    }

    @Override
    public boolean textUnderJson(LogoutResult result) {
        return true;
    }
}
