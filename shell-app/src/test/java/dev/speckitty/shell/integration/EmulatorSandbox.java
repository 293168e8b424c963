package dev.speckitty.shell.integration;

import dev.speckitty.adapters.storage.EncryptedFileSessionStore;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.domain.session.Team;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.SessionSeed;
import dev.speckitty.emulator.state.User;
import dev.speckitty.shell.support.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
        User user = User.defaultUser(withPrivateTeam);
        MintedSession minted = emulator.mintSession(SessionSeed.signedInUser().withUser(user)
                .withTokens("at_SENTINEL_" + tag, "rt_SENTINEL_" + tag));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Team> teams = user.teams().stream()
                .map(t -> new Team(t.id(), t.name(), t.role(), t.privateTeamspace())).toList();
        StoredSession session = new StoredSession(user.userId(), user.email(), user.name(), teams,
                Team.pickDefaultTeamId(teams).orElseThrow(), Secret.of(minted.accessToken()),
                Secret.of(minted.refreshToken()), minted.sessionId(), now, now.plus(accessLeft),
                now.plus(Duration.ofDays(30)), "offline_access", "file", now, "device_code", null);
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

    String egress() throws IOException {
        return Files.exists(egressLog) ? Files.readString(egressLog) : "";
    }

    /**
     * Another JVM holding this sandbox's refresh lock ({@link HoldRefreshLock}) for {@code seconds},
     * its record dated {@code recordAgeSeconds} in the past; returns once it printed "held". Kill it
     * with {@code destroyForcibly()} to leave a dead holder's record behind.
     */
    Process holdLock(int seconds, int recordAgeSeconds) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HoldRefreshLock.class.getName(), CliProcess.authDirectory(sandbox).toString(), String.valueOf(seconds),
                String.valueOf(recordAgeSeconds)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SPEC_KITTY_"));
        builder.environment().put("SPEC_KITTY_TEST_EGRESS_LOG", egressLog.toString());
        Process holder = builder.start();
        String first = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).readLine();
        if (!"held".equals(first)) {
            holder.destroyForcibly();
            throw new AssertionError("lock holder did not start: " + first);
        }
        return holder;
    }

    /**
     * The per-sandbox global checks (behaviour.md §7.0, E8, H2): no non-loopback lookup was recorded,
     * and no file under {@code auth/} other than {@code session.json} contains the minted tokens or
     * the ones now on disk (which are also added to the stdout/stderr scan of {@link
     * dev.speckitty.shell.support.NoTokenLeak}).
     */
    void assertHermeticAndTokenFree() throws IOException {
        org.assertj.core.api.Assertions.assertThat(egress()).as("non-loopback lookups of %s", sandbox).isEmpty();
        List<String> tokens = new java.util.ArrayList<>(List.of(minted.accessToken(), minted.refreshToken()));
        onDisk().ifPresent(s -> tokens.addAll(List.of(s.accessToken().reveal(), s.refreshToken().reveal())));
        dev.speckitty.shell.support.NoTokenLeak.alsoScanFor(tokens.toArray(String[]::new));
        Path auth = CliProcess.authDirectory(sandbox);
        if (!Files.isDirectory(auth)) {
            return;
        }
        try (var files = Files.walk(auth)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !auth.resolve("session.json").equals(f))
                    .toList()) {
                String content = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String token : tokens) {
                    org.assertj.core.api.Assertions.assertThat(content).as("%s must not hold a token", file)
                            .doesNotContain(token);
                }
            }
        }
    }
}
