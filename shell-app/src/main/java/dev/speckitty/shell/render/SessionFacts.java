package dev.speckitty.shell.render;

import dev.speckitty.domain.session.AuthMethod;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Derived, displayable facts about a session, shared by the text and JSON renderings. */
public final class SessionFacts {

    private SessionFacts() {}

    public static long secondsUntil(Instant moment, Instant now) {
        return Duration.between(now, moment).toSeconds();
    }

    public static boolean isDefault(Team team, StoredSession session) {
        return team.id().equals(session.defaultTeamId());
    }

    /** {@code private}, {@code default}, both (in that order) or none. */
    public static List<String> markers(Team team, StoredSession session) {
        List<String> markers = new ArrayList<>(2);
        if (team.privateTeamspace()) {
            markers.add("private");
        }
        if (isDefault(team, session)) {
            markers.add("default");
        }
        return markers;
    }

    public static String authMethodLabel(StoredSession session) {
        return session.knownAuthMethod().map(AuthMethod::label).orElse("Unknown (" + session.authMethod() + ")");
    }

    /** The text for a refresh token whose expiry is not known (decision 16: unknown is not legacy). */
    public static String unknownRefreshExpiry(StoredSession.RefreshLifetime lifetime) {
        return lifetime == StoredSession.RefreshLifetime.LEGACY
                ? "server-managed (legacy session - re-login to populate refresh expiry)"
                : "unknown (the server does not say when it expires)";
    }

    /** An enum constant as a JSON value: {@code REFRESH_LIFETIME} → {@code refresh_lifetime}. */
    public static String jsonName(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stored backend label; the reference writes {@code file} for the encrypted session file. */
    public static String storageLabel(StoredSession session) {
        return StoredSession.FILE_BACKEND.equals(session.storageBackend())
                ? "Encrypted session file"
                : "Unknown (" + session.storageBackend() + ")";
    }
}
