package dev.speckitty.shell.acceptance;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.queue.SqliteEventQueue;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.domain.sync.PendingEvent;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.testfixtures.SessionBuilder;
import dev.speckitty.testfixtures.Teams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One CLI sandbox with the FX repository of docs/spec/behaviour.md §7.0: the process working directory is
 * the repository ({@code .kittify/config.yaml}, {@code .git/config} with the origin), {@code HOME}
 * and {@code SPEC_KITTY_HOME} are private, and the environment enables sync non-interactively
 * against the fake hosted server.
 */
final class AcceptanceSandbox {

    static final String PROJECT_CONFIG =
            "project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: acme-local\n";
    static final String ORIGIN = "[remote \"origin\"]\n\turl = git@github.com:acme/spec-kitty.git\n";

    final Path root;
    final Map<String, String> environment = new HashMap<>();

    private AcceptanceSandbox(Path root, String baseUrl) {
        this.root = root;
        environment.put("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");
        environment.put("SPEC_KITTY_NON_INTERACTIVE", "1");
        environment.put("SPEC_KITTY_SAAS_URL", baseUrl);
    }

    /** A fresh sandbox with the FX repository (config with project uuid and slug, origin acme/spec-kitty). */
    static AcceptanceSandbox fx(Path tempDir, String name, String baseUrl) {
        AcceptanceSandbox sandbox = bare(tempDir, name, baseUrl);
        sandbox.writeConfig(PROJECT_CONFIG);
        sandbox.writeOrigin();
        return sandbox;
    }

    /** A fresh sandbox with an empty {@code .kittify/} and no git repository at all. */
    static AcceptanceSandbox bare(Path tempDir, String name, String baseUrl) {
        try {
            Path root = CliProcess.freshSandbox(Files.createDirectories(tempDir.resolve(name)));
            Files.createDirectories(root.resolve(".kittify"));
            return new AcceptanceSandbox(root, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AcceptanceSandbox writeConfig(String yaml) {
        write(configFile(), yaml);
        return this;
    }

    AcceptanceSandbox writeOrigin() {
        write(root.resolve(".git").resolve("config"), ORIGIN);
        return this;
    }

    Path configFile() {
        return root.resolve(".kittify").resolve("config.yaml");
    }

    /** The FX valid session: at_SENTINEL_1 (+15 min), rt_SENTINEL_1 (+30 d), sess_seed, the private team. */
    AcceptanceSandbox validSession() {
        return session(List.of(Teams.PRIVATE), Teams.PRIVATE.id());
    }

    /** The FX shared-only session. */
    AcceptanceSandbox sharedOnlySession() {
        return session(List.of(Teams.SHARED), Teams.SHARED.id());
    }

    AcceptanceSandbox session(List<Team> teams, String defaultTeamId) {
        return session(teams, defaultTeamId, Duration.ofMinutes(15));
    }

    /** A session whose access token expires after {@code accessLeft} (negative: already expired). */
    AcceptanceSandbox session(List<Team> teams, String defaultTeamId, Duration accessLeft) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredSession session = SessionBuilder.aSession().userId("user_42").email("ada@example.com")
                .name("Ada Lovelace").teams(teams).defaultTeamId(defaultTeamId).accessToken("at_SENTINEL_1")
                .refreshToken("rt_SENTINEL_1").sessionId("sess_seed").issuedAt(now.minus(Duration.ofMinutes(1)))
                .accessTokenExpiresAt(now.plus(accessLeft)).refreshTokenExpiresAt(now.plus(Duration.ofDays(30)))
                .lastUsedAt(now).authMethod("device_code").build();
        store().write(session);
        return this;
    }

    EncryptedFileSessionStore store() {
        return EncryptedFileSessionStore.inAuthDirectory(CliProcess.authDirectory(root));
    }

    Optional<StoredSession> storedSession() {
        return store().read();
    }

    /** Queues {@code evt-1..evt-n} with the CLI itself: {@code sync enqueue --file events.jsonl}. */
    AcceptanceSandbox enqueue(int n) {
        Path file = root.resolve("user").resolve("events.jsonl");
        StringBuilder lines = new StringBuilder();
        IntStream.rangeClosed(1, n).forEach(i -> lines.append("{\"event_id\":\"evt-").append(i)
                .append("\",\"event_type\":\"mission.started\",\"payload\":{\"n\":").append(i).append("}}\n"));
        write(file, lines.toString());
        CliProcess.Result result = run("sync", "enqueue", "--file", file.toString());
        if (result.exitCode() != 0) {
            throw new AssertionError("enqueue failed: " + result.describe());
        }
        return this;
    }

    static List<String> eventIds(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "evt-" + i).toList();
    }

    /** The ids still queued, in queue order (read from the queue database, nothing is changed). */
    List<String> queuedIds() {
        try (SqliteEventQueue queue = SqliteEventQueue.inHome(CliProcess.specKittyHome(root), Clock.systemUTC())) {
            return queue.pending(0, 100_000).stream().map(PendingEvent::eventId).toList();
        }
    }

    CliProcess.Result run(String... args) {
        return CliProcess.runWith(root, environment, args);
    }

    CliProcess.Result runWithStdin(String stdin, String... args) {
        return CliProcess.runWithStdin(root, environment, stdin, args);
    }

    AcceptanceSandbox env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    Path file(String name) {
        return root.resolve(name);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
