package dev.speckitty.shell.render;

import dev.speckitty.application.session.LocalSessionReport;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.text.UntrustedText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Human output of {@code auth status} (docs/spec/hosted-contract.md §7.3). Never a token. */
public final class AuthStatusText {

    private static final DateTimeFormatter LAST_USED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AuthStatusText() {}

    /** Unreadable sessions are not rendered here: they are a failure reported on stderr. */
    public static String render(LocalSessionReport report, Instant now) {
        return render(report.state(), report.storage(), now);
    }

    public static String render(LocalSessionState state, StorageDescription storage, Instant now) {
        return switch (state) {
            case LocalSessionState.LoggedOut loggedOut ->
                    "X Not authenticated\n  Run spec-kitty auth login to authenticate.\n";
            case LocalSessionState.RefreshExpired expired ->
                    "X Session expired (refresh token expired)\n  Run spec-kitty auth login to re-authenticate.\n";
            case LocalSessionState.Active active -> authenticated(active.session(), storage, now);
            case LocalSessionState.Unreadable unreadable ->
                    throw new IllegalArgumentException("an unreadable session is reported as a failure");
        };
    }

    private static String authenticated(StoredSession session, StorageDescription storage, Instant now) {
        StringBuilder text = new StringBuilder("+ Authenticated\n\n");
        line(text, "User:", userLabel(session));
        line(text, "User ID:", session.userId());
        text.append('\n');
        teams(text, session);
        text.append('\n');
        line(text, "Access token:", DurationFormat.format(SessionFacts.secondsUntil(session.accessTokenExpiresAt(), now)));
        line(text, "Refresh token:", session.refreshTokenExpiresAt() == null
                ? SessionFacts.unknownRefreshExpiry(session.refreshLifetime())
                : DurationFormat.format(SessionFacts.secondsUntil(session.refreshTokenExpiresAt(), now)));
        text.append('\n');
        line(text, "Storage:", SessionFacts.storageLabel(session) + " (" + storage.backend() + ")");
        line(text, "Location:", storage.location());
        line(text, "Session ID:", session.sessionId());
        line(text, "Last used:", LAST_USED.format(session.lastUsedAt()));
        line(text, "Auth method:", SessionFacts.authMethodLabel(session));
        return text.toString();
    }

    private static String userLabel(StoredSession session) {
        boolean showName = !session.name().isEmpty() && !session.name().equals(session.email());
        String email = UntrustedText.line(session.email());
        return showName ? email + " (" + UntrustedText.line(session.name()) + ")" : email;
    }

    private static void teams(StringBuilder text, StoredSession session) {
        if (session.teams().isEmpty()) {
            line(text, "Teams:", "(none)");
            return;
        }
        text.append("  Teams:\n");
        for (Team team : session.teams()) {
            text.append("    - ").append(UntrustedText.line(team.name()))
                    .append(" (").append(UntrustedText.line(team.role())).append(')');
            List<String> markers = SessionFacts.markers(team, session);
            if (!markers.isEmpty()) {
                text.append(" (").append(String.join(", ", markers)).append(')');
            }
            text.append('\n');
        }
    }

    /** Labels are padded to the reference's column 18 ({@code "  User:           "}); a value is one line. */
    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-16s%s", label, UntrustedText.line(value))).append('\n');
    }
}
