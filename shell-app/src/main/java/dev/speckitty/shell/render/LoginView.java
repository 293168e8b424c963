package dev.speckitty.shell.render;

import dev.speckitty.application.login.LoginResult;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code auth login}: who is now logged in (or already was) and the default team, or
 * {@code {status, user, default_team_id}}. The conversation before it (URL, device code) went
 * to stdout, or to stderr under {@code --json} (runner.Conversation), while the login ran.
 */
public final class LoginView implements View<LoginView.LoggedIn> {

    /** A login that ended with a session: a new one ({@code fresh}) or the one already there. */
    public record LoggedIn(StoredSession session, boolean fresh, boolean headless, String lockNote) {

        public static LoggedIn of(LoginResult result, boolean headless) {
            return switch (result) {
                case LoginResult.LoggedIn loggedIn -> new LoggedIn(loggedIn.session(), true, headless, loggedIn.lockNote());
                case LoginResult.AlreadyLoggedIn already -> new LoggedIn(already.session(), false, headless, null);
                case LoginResult.Failed failed -> throw new IllegalArgumentException("a failed login has no session");
            };
        }
    }

    @Override
    public void text(LoggedIn shown, PrintWriter out) {
        String email = UntrustedText.line(shown.session().email());
        if (!shown.fresh()) {
            out.println("+ Already logged in as " + email);
            out.println("Run spec-kitty auth login --force to re-authenticate, or spec-kitty auth logout first.");
            return;
        }
        if (shown.headless()) {
            out.println("+ Authorization granted");
        }
        if (shown.lockNote() != null) {
            out.println("! " + shown.lockNote());
        }
        out.println("+ Authenticated as " + email);
        out.println("  Default team: " + UntrustedText.line(defaultTeam(shown.session())));
    }

    @Override
    public Map<String, ?> json(LoggedIn shown) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", shown.fresh() ? "logged_in" : "already_logged_in");
        document.put("user", AuthStatusJson.identity(shown.session()));
        document.put("default_team_id", shown.session().defaultTeamId());
        return document;
    }

    private static String defaultTeam(StoredSession session) {
        return session.teams().stream()
                .filter(team -> team.id().equals(session.defaultTeamId()))
                .findFirst()
                .map(team -> team.name() + (team.privateTeamspace() ? " [Private Teamspace]" : ""))
                .orElse(session.defaultTeamId().isEmpty() ? "(none: the server reports no teams)" : session.defaultTeamId());
    }
}
