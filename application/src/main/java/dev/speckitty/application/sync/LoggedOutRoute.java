package dev.speckitty.application.sync;

import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a command does when it found no usable session (docs/spec/behaviour.md §2.3): carry on as before
 * when no Teamspace is connected; for automation stop with the one structured line (exit 4); for a
 * person, ask. The asking itself belongs to the shell.
 */
public final class LoggedOutRoute {

    /** The decision for one command run. */
    public sealed interface Decision {

        /** No connected Teamspace: the command's own logged-out behaviour stands. */
        record NoTeamspace() implements Decision {}

        /** Automation: print both lines to stderr and exit 4. */
        record Stop(String reason, String structuredLine) implements Decision {}

        /** A person is at the keyboard: offer Login, Skip or Quit. */
        record Ask(String teamspace, String reason) implements Decision {}
    }

    private final ConnectedTeamspaceDetector detector;
    private final SessionPresence presence;
    private final BooleanSupplier interactive;

    public LoggedOutRoute(ConnectedTeamspaceDetector detector, SessionPresence presence, BooleanSupplier interactive) {
        this.detector = detector;
        this.presence = presence;
        this.interactive = interactive;
    }

    public Decision decide(String commandName) {
        Optional<String> teamspace = detector.detect();
        if (teamspace.isEmpty()) {
            return new Decision.NoTeamspace();
        }
        if (!interactive.getAsBoolean()) {
            return new Decision.Stop(whyNoSession(), "spec-kitty: logged_out_on_connected_teamspace teamspace="
                    + teamspace.get() + " command=" + commandName + " action=run-spec-kitty-auth-login");
        }
        return new Decision.Ask(teamspace.get(), whyNoSession());
    }

    /** Why no session can be used, in the user's terms, for the session as it is now. */
    public String whyNoSession() {
        return reason(presence.check());
    }

    /** Why no session can be used: missing, expired or unreadable. */
    public static String reason(Presence state) {
        return switch (state) {
            case NOT_AUTHENTICATED -> "Not logged in: there is no session on this machine"
                    + " (never logged in, logged out, or the server revoked it).";
            case REFRESH_EXPIRED -> "Not logged in: the session expired (its refresh token is past its expiry).";
            case UNREADABLE -> "Not logged in: the session file cannot be used (run spec-kitty auth doctor).";
            case AUTHENTICATED -> "Not logged in: the server no longer accepts the session.";
        };
    }
}
