package dev.speckitty.shell.render;

import dev.speckitty.application.session.LocalSessionReport;
import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code auth status --json} document. Field names are stable snake_case; the document holds
 * whitelisted fields only, so no token (nor anything derived from one) can reach it.
 */
public final class AuthStatusJson {

    private AuthStatusJson() {}

    public static Map<String, Object> document(LocalSessionReport report, Instant now) {
        return document(report.state(), report.storage(), now);
    }

    public static Map<String, Object> document(LocalSessionState state, StorageDescription storage, Instant now) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("authenticated", state instanceof LocalSessionState.Active);
        switch (state) {
            case LocalSessionState.LoggedOut loggedOut -> document.put("state", "not_authenticated");
            case LocalSessionState.RefreshExpired expired -> {
                document.put("state", "refresh_expired");
                putSession(document, expired.session(), now);
            }
            case LocalSessionState.Active active -> {
                document.put("state", "authenticated");
                putSession(document, active.session(), now);
            }
            case LocalSessionState.Unreadable unreadable -> {
                document.put("state", "unreadable");
                document.put("problem", SnakeCase.of(unreadable.problem().problem()));
                document.put("message", unreadable.problem().getMessage());
            }
        }
        Map<String, Object> storageDocument = new LinkedHashMap<>();
        storageDocument.put("backend", storage.backend());
        storageDocument.put("path", storage.location());
        document.put("storage", storageDocument);
        return document;
    }

    /** Identity only: the {@code auth whoami --json} document. */
    public static Map<String, Object> identity(StoredSession session) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", session.email());
        user.put("name", session.name());
        user.put("user_id", session.userId());
        return user;
    }

    private static void putSession(Map<String, Object> document, StoredSession session, Instant now) {
        document.put("user", identity(session));
        document.put("teams", teams(session));
        document.put("default_team_id", session.defaultTeamId());
        document.put("access_token_expires_at", Timestamps.format(session.accessTokenExpiresAt()));
        document.put("access_token_remaining_s", Math.max(0, SessionFacts.secondsUntil(session.accessTokenExpiresAt(), now)));
        Instant refreshExpiry = session.refreshTokenExpiresAt();
        document.put("refresh_token_expires_at", Timestamps.format(refreshExpiry));
        document.put("refresh_token_remaining_s",
                refreshExpiry == null ? null : Math.max(0, SessionFacts.secondsUntil(refreshExpiry, now)));
        document.put("refresh_token_lifetime", SessionFacts.jsonName(session.refreshLifetime()));
        document.put("session_id", session.sessionId());
        document.put("last_used_at", Timestamps.format(session.lastUsedAt()));
        document.put("auth_method", session.authMethod());
    }

    private static List<Map<String, Object>> teams(StoredSession session) {
        return session.teams().stream().map(team -> team(team, session)).toList();
    }

    private static Map<String, Object> team(Team team, StoredSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", team.id());
        json.put("name", team.name());
        json.put("role", team.role());
        json.put("is_private_teamspace", team.privateTeamspace());
        json.put("is_default", SessionFacts.isDefault(team, session));
        return json;
    }
}
