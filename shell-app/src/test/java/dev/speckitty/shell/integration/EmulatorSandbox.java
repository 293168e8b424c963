package dev.speckitty.shell.integration;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.SessionSeed;
import dev.speckitty.emulator.state.User;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.testfixtures.SessionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CLI sandbox whose session was minted by the emulator, so refreshes really rotate there. The
 * environment points the CLI at the emulator explicitly and records any non-loopback lookup.
 */
final class EmulatorSandbox {

    final Path sandbox;
    final Path egressLog;
    final MintedSession minted;
    final Map<String, String> environment;

    private EmulatorSandbox(Path sandbox, Path egressLog, MintedSession minted, String baseUrl) {
        this.sandbox = sandbox;
        this.egressLog = egressLog;
        this.minted = minted;
        this.environment = Map.of("SPEC_KITTY_SAAS_URL", baseUrl, "SPEC_KITTY_TEST_EGRESS_LOG", egressLog.toString(),
                "SPEC_KITTY_DEBUG_COUNTERS", "1");
    }

    /** A sandbox with a session minted at {@code emulator}; {@code accessLeft} may be negative (expired). */
    static EmulatorSandbox seeded(Path tempDir, HostedEmulator emulator, String tag, Duration accessLeft,
            boolean withPrivateTeam) throws IOException {
        Path sandbox = CliProcess.freshSandbox(Files.createTempDirectory(tempDir, tag));
        return mintInto(sandbox, emulator, tag, accessLeft, withPrivateTeam);
    }

    /** This sandbox after a new login: a session freshly minted at {@code emulator} replaces the stored one. */
    EmulatorSandbox relogin(HostedEmulator emulator, String tag, Duration accessLeft, boolean withPrivateTeam) {
        return mintInto(sandbox, emulator, tag, accessLeft, withPrivateTeam);
    }

    private static EmulatorSandbox mintInto(Path sandbox, HostedEmulator emulator, String tag, Duration accessLeft,
            boolean withPrivateTeam) {
        User user = User.defaultUser(withPrivateTeam);
        MintedSession minted = emulator.mintSession(SessionSeed.signedInUser().withUser(user)
                .withTokens("at_SENTINEL_" + tag, "rt_SENTINEL_" + tag));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Team> teams = user.teams().stream()
                .map(t -> new Team(t.id(), t.name(), t.role(), t.privateTeamspace())).toList();
        StoredSession session = SessionBuilder.aSession().userId(user.userId()).email(user.email()).name(user.name())
                .teams(teams).defaultTeamId(Team.pickDefaultTeamId(teams).orElseThrow())
                .accessToken(minted.accessToken()).refreshToken(minted.refreshToken()).sessionId(minted.sessionId())
                .issuedAt(now).accessTokenExpiresAt(now.plus(accessLeft)).refreshTokenExpiresAt(now.plus(Duration.ofDays(30)))
                .authMethod("device_code").build();
        store(sandbox).write(session);
        return new EmulatorSandbox(sandbox, sandbox.resolve("egress.log"), minted, emulator.baseUrl());
    }

    static EncryptedFileSessionStore store(Path sandbox) {
        return EncryptedFileSessionStore.inAuthDirectory(CliProcess.authDirectory(sandbox));
    }

    Optional<StoredSession> onDisk() {
        return store(sandbox).read();
    }

    CliProcess.Result run(String... args) {
        return CliProcess.runWith(sandbox, environment, args);
    }

    /** Started without waiting, for a test that SIGKILLs it; {@code extra} is added to the environment. */
    CliProcess.Running spawn(Map<String, String> extra, String... args) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(extra);
        return CliProcess.spawn(sandbox, merged, args);
    }

    String egress() throws IOException {
        return Files.exists(egressLog) ? Files.readString(egressLog) : "";
    }
}
