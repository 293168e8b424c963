package dev.speckitty.shell.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.application.session.LocalSessionState;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.shell.support.SampleSessions;
import dev.speckitty.testfixtures.SessionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthStatusRenderingTest {

    private static final Instant ISSUED = Instant.parse("2026-04-09T13:37:00Z");
    private static final Instant NOW = ISSUED.plus(Duration.ofMinutes(10));
    private static final StorageDescription STORAGE =
            new StorageDescription("encrypted-file", "/home/ada/.spec-kitty/auth/session.json");

    @Test
    void authenticatedTextShowsEveryBlockOfTheContract() {
        String text = AuthStatusText.render(new LocalSessionState.Active(SampleSessions.valid(ISSUED)), STORAGE, NOW);
        assertThat(text).isEqualTo("""
                + Authenticated

                  User:           ada@example.com (Ada Lovelace)
                  User ID:        user_42

                  Teams:
                    - Analytical Engines (member)
                    - Ada's Private Teamspace (owner) (private, default)

                  Access token:   50 minutes
                  Refresh token:  29 days

                  Storage:        Encrypted session file (encrypted-file)
                  Location:       /home/ada/.spec-kitty/auth/session.json
                  Session ID:     sess_abc123
                  Last used:      2026-04-09T13:37:00Z
                  Auth method:    Headless (Device Authorization Grant)
                """);
    }

    @Test
    void legacySessionNoTeamsAndUnknownValues() {
        StoredSession base = SampleSessions.session(ISSUED, null);
        StoredSession odd = SessionBuilder.from(base).name("ada@example.com").teams(List.of()).defaultTeamId("")
                .accessToken("at_x").refreshToken("rt_x").accessTokenExpiresAt(ISSUED.minusSeconds(1))
                .storageBackend("keychain").authMethod("magic_link").generation(null).build();
        String text = AuthStatusText.render(new LocalSessionState.Active(odd), STORAGE, NOW);
        assertThat(text)
                .contains("  User:           ada@example.com\n")
                .contains("  Teams:          (none)\n")
                .contains("  Access token:   expired\n")
                .contains("  Refresh token:  server-managed (legacy session - re-login to populate refresh expiry)\n")
                .contains("  Storage:        Unknown (keychain) (encrypted-file)\n")
                .contains("  Auth method:    Unknown (magic_link)\n");
    }

    @Test
    void aStandardsServerSessionSaysTheRefreshLifetimeIsUnknownNotLegacy() {
        StoredSession base = SampleSessions.session(ISSUED, null);
        StoredSession standards = SessionBuilder.from(base).accessToken("at_x").refreshToken("rt_x")
                .sessionId("local-0b6f9c1e-8d7a-4c55-9a51-2f3e4d5c6b7a").accessTokenExpiresAt(NOW.plusSeconds(300))
                .generation(null).build();

        String text = AuthStatusText.render(new LocalSessionState.Active(standards), STORAGE, NOW);
        Map<String, Object> json = AuthStatusJson.document(new LocalSessionState.Active(standards), STORAGE, NOW);

        assertThat(text).contains("  Refresh token:  unknown (the server does not say when it expires)\n")
                .contains("  Session ID:     local-0b6f9c1e-8d7a-4c55-9a51-2f3e4d5c6b7a\n").doesNotContain("legacy");
        assertThat(json).containsEntry("refresh_token_lifetime", "unknown").containsEntry("refresh_token_expires_at", null);
        Map<String, Object> legacy = AuthStatusJson.document(new LocalSessionState.Active(base), STORAGE, NOW);
        assertThat(legacy).containsEntry("refresh_token_lifetime", "legacy");
    }

    @Test
    void loggedOutAndExpiredTexts() {
        assertThat(AuthStatusText.render(new LocalSessionState.LoggedOut(), STORAGE, NOW))
                .isEqualTo("X Not authenticated\n  Run spec-kitty auth login to authenticate.\n");
        assertThat(AuthStatusText.render(new LocalSessionState.RefreshExpired(SampleSessions.valid(ISSUED)), STORAGE, NOW))
                .isEqualTo("X Session expired (refresh token expired)\n  Run spec-kitty auth login to re-authenticate.\n");
        assertThatThrownBy(() -> AuthStatusText.render(new LocalSessionState.Unreadable(
                new SessionStorageException(SessionStorageException.Problem.MALFORMED, "bad")), STORAGE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void authenticatedJsonHasStableFieldsAndNoToken() {
        Map<String, Object> json = AuthStatusJson.document(
                new LocalSessionState.Active(SampleSessions.valid(ISSUED)), STORAGE, NOW);
        assertThat(json).containsEntry("authenticated", true).containsEntry("state", "authenticated")
                .containsEntry("session_id", "sess_abc123")
                .containsEntry("access_token_remaining_s", 3000L)
                .containsEntry("refresh_token_remaining_s", Duration.ofDays(30).minusMinutes(10).toSeconds())
                .containsEntry("auth_method", "device_code")
                .containsEntry("default_team_id", "team_private_7")
                .containsEntry("storage", Map.of("backend", "encrypted-file", "path", STORAGE.location()));
        assertThat((Map<String, Object>) json.get("user"))
                .isEqualTo(Map.of("email", "ada@example.com", "name", "Ada Lovelace", "user_id", "user_42"));
        List<Map<String, Object>> teams = (List<Map<String, Object>>) json.get("teams");
        assertThat(teams).extracting(team -> team.get("is_private_teamspace")).containsExactly(false, true);
        assertThat(teams).extracting(team -> team.get("is_default")).containsExactly(false, true);
        String text = JsonOutput.toJson(json);
        assertThat(text).doesNotContain(SampleSessions.ACCESS_SENTINEL, SampleSessions.REFRESH_SENTINEL, "generation");
    }

    @Test
    void unreadableJsonNamesTheProblem() {
        SessionStorageException problem = new SessionStorageException(
                SessionStorageException.Problem.UNSUPPORTED_VERSION, "Unsupported session file format version 1");
        Map<String, Object> json = AuthStatusJson.document(new LocalSessionState.Unreadable(problem), STORAGE, NOW);
        assertThat(json).containsEntry("authenticated", false).containsEntry("state", "unreadable")
                .containsEntry("problem", "unsupported_version")
                .containsEntry("message", "Unsupported session file format version 1")
                .doesNotContainKey("user");
    }

    @Test
    void expiredRefreshJsonIsNotAuthenticatedButNamesTheUser() {
        StoredSession expired = SampleSessions.session(ISSUED, ISSUED.plusSeconds(1));
        Map<String, Object> json = AuthStatusJson.document(new LocalSessionState.RefreshExpired(expired), STORAGE, NOW);
        assertThat(json).containsEntry("authenticated", false).containsEntry("state", "refresh_expired")
                .containsEntry("refresh_token_remaining_s", 0L).containsKey("user");
    }
}
