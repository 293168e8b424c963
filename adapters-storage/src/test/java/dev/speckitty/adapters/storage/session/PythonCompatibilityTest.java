package dev.speckitty.adapters.storage.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.support.Python;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance criterion "either CLI reads the other's session", checked against an independent
 * Python implementation of the documented format (src/test/resources/compat/session_compat.py).
 */
class PythonCompatibilityTest {

    private static final String COMPAT_PASSPHRASE = "compat-host:1000";

    @TempDir
    Path authDir;

    @BeforeAll
    static void pythonWithCryptographyIsPresent() {
        Python.requireCryptography();
    }

    @Test
    void javaDecryptsTheCommittedPythonFixture() throws Exception {
        copyFixture("python-v2.envelope.json", authDir.resolve("session.json"));
        copyFixture("python-v2.salt", authDir.resolve("session.salt"));

        StoredSession session = store(COMPAT_PASSPHRASE).read().orElseThrow();

        assertThat(session.userId()).isEqualTo("user-compat-42");
        assertThat(session.email()).isEqualTo("compat@example.com");
        assertThat(session.name()).isEqualTo("Compat Tester");
        assertThat(session.teams()).containsExactly(
                new Team("team-private-1", "Private Teamspace", "owner", true),
                new Team("team-shared-2", "Shared Team", "member", false));
        assertThat(session.privateTeam()).map(Team::id).contains("team-private-1");
        assertThat(session.defaultTeamId()).isEqualTo("team-private-1");
        assertThat(session.accessToken().reveal()).isEqualTo("at_SENTINEL_compat");
        assertThat(session.refreshToken().reveal()).isEqualTo("rt_SENTINEL_compat");
        assertThat(session.sessionId()).isEqualTo("sess-compat-7");
        assertThat(session.issuedAt()).isEqualTo(Instant.parse("2026-04-09T13:37:00.123456Z"));
        assertThat(session.accessTokenExpiresAt()).isEqualTo(Instant.parse("2026-04-09T14:37:00Z"));
        assertThat(session.refreshTokenExpiresAt()).isEqualTo(Instant.parse("2026-05-09T13:37:00.5Z"));
        assertThat(session.scope()).isEqualTo("offline_access");
        assertThat(session.storageBackend()).isEqualTo("file");
        assertThat(session.lastUsedAt()).isEqualTo(Instant.parse("2026-04-09T13:40:01Z"));
        assertThat(session.authMethod()).isEqualTo("device_code");
        assertThat(session.generation()).isEqualTo(3L);
    }

    @Test
    void theCommittedFixtureIsNotReadableWithAnotherPassphrase() throws Exception {
        copyFixture("python-v2.envelope.json", authDir.resolve("session.json"));
        copyFixture("python-v2.salt", authDir.resolve("session.salt"));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> store("other-host:1000").read()))
                .hasFieldOrPropertyWithValue("problem",
                        dev.speckitty.domain.session.SessionStorageException.Problem.DECRYPTION_FAILED);
    }

    @Test
    void javaReadsWhatPythonWritesNow() {
        Python.Result result = Python.run(Python.compatScript().toString(), "write", authDir.toString(),
                COMPAT_PASSPHRASE);
        assertThat(result.exitCode()).as(result.stderr()).isZero();

        StoredSession session = store(COMPAT_PASSPHRASE).read().orElseThrow();

        assertThat(session.accessToken().reveal()).isEqualTo("at_SENTINEL_compat");
        assertThat(session.generation()).isEqualTo(3L);
    }

    @Test
    void pythonDecryptsWhatJavaWrites() throws Exception {
        StoredSession written = TestSessions.sample("py");
        store(COMPAT_PASSPHRASE).write(written);

        Python.Result result = Python.run(Python.compatScript().toString(), "read", authDir.toString(),
                COMPAT_PASSPHRASE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.stdout());
        assertThat(json.propertyNames()).containsExactlyInAnyOrder("user_id", "email", "name", "teams",
                "default_team_id", "access_token", "refresh_token", "session_id", "issued_at",
                "access_token_expires_at", "refresh_token_expires_at", "scope", "storage_backend", "last_used_at",
                "auth_method", "generation");
        assertThat(json.get("user_id").stringValue()).isEqualTo(written.userId());
        assertThat(json.get("email").stringValue()).isEqualTo(written.email());
        assertThat(json.get("name").stringValue()).isEqualTo(written.name());
        assertThat(json.get("default_team_id").stringValue()).isEqualTo(written.defaultTeamId());
        assertThat(json.get("access_token").stringValue()).isEqualTo(written.accessToken().reveal());
        assertThat(json.get("refresh_token").stringValue()).isEqualTo(written.refreshToken().reveal());
        assertThat(json.get("session_id").stringValue()).isEqualTo(written.sessionId());
        assertThat(json.get("issued_at").stringValue()).isEqualTo("2026-04-09T13:37:00.123456+00:00");
        assertThat(json.get("access_token_expires_at").stringValue()).isEqualTo("2026-04-09T14:37:00+00:00");
        assertThat(json.get("refresh_token_expires_at").stringValue()).isEqualTo("2026-05-09T13:37:00.500000+00:00");
        assertThat(json.get("last_used_at").stringValue()).isEqualTo("2026-04-09T13:40:01+00:00");
        assertThat(json.get("scope").stringValue()).isEqualTo("offline_access");
        assertThat(json.get("storage_backend").stringValue()).isEqualTo("file");
        assertThat(json.get("auth_method").stringValue()).isEqualTo("authorization_code");
        assertThat(json.get("generation").longValue()).isEqualTo(7L);
        List<Team> teams = written.teams();
        assertThat(json.get("teams").size()).isEqualTo(teams.size());
        for (int i = 0; i < teams.size(); i++) {
            JsonNode team = json.get("teams").get(i);
            assertThat(team.get("id").stringValue()).isEqualTo(teams.get(i).id());
            assertThat(team.get("name").stringValue()).isEqualTo(teams.get(i).name());
            assertThat(team.get("role").stringValue()).isEqualTo(teams.get(i).role());
            assertThat(team.get("is_private_teamspace").booleanValue()).isEqualTo(teams.get(i).privateTeamspace());
        }
    }

    @Test
    void pythonDecryptsALegacyShapedJavaSession() throws Exception {
        store(COMPAT_PASSPHRASE).write(TestSessions.legacy("pylegacy"));

        Python.Result result = Python.run(Python.compatScript().toString(), "read", authDir.toString(),
                COMPAT_PASSPHRASE);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.stdout());
        assertThat(json.get("refresh_token_expires_at").isNull()).isTrue();
        assertThat(json.get("generation").isNull()).isTrue();
    }

    private EncryptedFileSessionStore store(String passphrase) {
        return EncryptedFileSessionStore.withPassphrase(authDir, passphrase.getBytes(StandardCharsets.UTF_8));
    }

    private static void copyFixture(String name, Path target) throws Exception {
        try (var in = PythonCompatibilityTest.class.getResourceAsStream("/compat/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            Files.write(target, in.readAllBytes());
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }
}
