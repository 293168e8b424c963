package dev.speckitty.shell;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.settings.RuntimePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The training run behind the launcher's JDK AOT cache ({@code bin/lib/fast-launch.sh}): in one
 * JVM, the one-shots users and agents run most, on a throwaway {@code SPEC_KITTY_HOME} holding a
 * session written as a login writes it, so that the cache covers decrypting a session (scrypt
 * through OpenSSL) and not only a logged-out start. The session's tokens are placeholders and no
 * command here makes a network call. Refuses a home that already holds a session.
 */
public final class FastLaunchTraining {

    /** Each one as a user types it; every one must exit 0. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("auth", "status"), List.of("auth", "whoami"), List.of("auth", "status", "--short"));

    private FastLaunchTraining() {}

    public static void main(String[] args) {
        RuntimeEnvironment environment = RuntimeEnvironment.system();
        if (environment.get(RuntimePaths.HOME_VARIABLE).isEmpty()) {
            fail("set " + RuntimePaths.HOME_VARIABLE + " to a throwaway directory");
        }
        Path auth = RuntimePaths.of(environment).authDirectory();
        if (Files.exists(auth.resolve("session.json"))) {
            fail(auth + " already holds a session; training needs a throwaway home");
        }
        EncryptedFileSessionStore.inAuthDirectory(auth).write(placeholderSession(Instant.now()));
        for (List<String> command : COMMANDS) {
            int exitCode = SpecKittyApplication.run(command.toArray(String[]::new));
            if (exitCode != 0) {
                fail(String.join(" ", command) + " exited " + exitCode);
            }
        }
        System.exit(0);
    }

    private static StoredSession placeholderSession(Instant now) {
        Team team = new Team("training-team", "Private Teamspace", "owner", true);
        return new StoredSession("training-user", "training@example.invalid", "Training", List.of(team), team.id(),
                Secret.of("training-placeholder-access"), Secret.of("training-placeholder-refresh"),
                "training-session", now, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
                "offline_access", StoredSession.FILE_BACKEND, now, "device_code", 1L);
    }

    private static void fail(String message) {
        System.err.println("spec-kitty training: " + message);
        System.exit(2);
    }
}
