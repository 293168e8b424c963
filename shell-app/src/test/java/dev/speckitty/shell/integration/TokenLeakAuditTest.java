package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.IssuedTokens;
import dev.speckitty.emulator.state.ObservedSecret;
import dev.speckitty.emulator.state.SecretKind;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.shell.support.NoTokenLeak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6's token leak audit (docs/spec/behaviour.md §5.5, H2, and the "never echo a secret" rule): the CLI's
 * whole command surface as real processes against the emulator — device and browser login,
 * status/whoami, refresh, doctor, teamspace, sync, tracker, the interactive shell, logout — plus
 * the failure paths that put server or exception text on screen: 500s, 401s and 400s whose bodies
 * echo the very token the CLI sent, a refresh timeout followed by the invalid_grant that clears
 * the session, lock contention, and a broken session file holding tokens in clear text. Then every
 * secret that existed (every token generation, authorization and device code and PKCE verifier
 * the emulator issued or received, plus the broken file's tokens) is searched for in every
 * process's stdout and stderr, every file under the sandboxes (the encrypted session files
 * included: they must not hold a secret in clear either) and the emulator's own log: 0 findings.
 *
 * <p>The CLI has no {@code --debug} or verbose flag; its only diagnostic switch,
 * {@code SPEC_KITTY_DEBUG_COUNTERS=1}, is on for every process. It writes no log files (logs go to
 * stderr, which is scanned).
 */
@ExtendWith(NoTokenLeak.class)
class TokenLeakAuditTest {

    static final String BROKEN_ACCESS = "at_SENTINEL_BROKEN_cleartext_in_a_broken_file";
    static final String BROKEN_REFRESH = "rt_SENTINEL_BROKEN_cleartext_in_a_broken_file";

    @TempDir
    Path tempDir;

    /** One emulator and the environment every CLI process gets for it. */
    record Target(HostedEmulator emulator, Map<String, String> env) {}

    /**
     * Three tracks run side by side, each against its own emulator because faults and counters are
     * per emulator: every command on its happy path; the server failures, then the refresh timeout;
     * the browser logins, lock contention and the broken session files.
     */
    @Test
    @Timeout(420)
    void noSecretReachesAnyOutputFileOrLog() throws Exception {
        int firstTranscript = CliProcess.transcripts().size();
        long started = System.nanoTime();
        try (EmulatorLogCapture log = EmulatorLogCapture.start();
             HostedEmulator calm = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build());
             HostedEmulator faulty = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build());
             HostedEmulator plain = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build())) {
            Target surface = new Target(calm, environment(calm));
            Target faults = new Target(faulty, environment(faulty));
            Target quiet = new Target(plain, environment(plain));

            awaitAll(List.of(
                    track(() -> deviceLoginAndEveryCommand(surface)),
                    track(() -> {
                        serverFailuresEchoingTheTokens(faults);
                        refreshTimeoutThenInvalidGrantClears(faults);
                    }),
                    track(() -> {
                        browserLogins(quiet);
                        lockContention(quiet);
                        brokenSessionFiles(quiet);
                    })));

            List<String> emulatorLog = log.lines();
            assertThat(emulatorLog).as("the emulator's log was captured").isNotEmpty();
            assertThat(Files.exists(egressLog()) ? Files.readString(egressLog()) : "").as("non-loopback lookups").isEmpty();
            List<ObservedSecret> observed = new ArrayList<>();
            for (HostedEmulator emulator : List.of(calm, faulty, plain)) {
                observed.addAll(emulator.secrets());
            }
            scanEverything(observed, firstTranscript, emulatorLog, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Waits for every track; a failure of any fails the test, with the others' attached. */
    private static void awaitAll(List<CompletableFuture<Void>> tracks) {
        Throwable failure = null;
        for (CompletableFuture<Void> track : tracks) {
            try {
                track.join();
            } catch (java.util.concurrent.CompletionException failed) {
                if (failure == null) {
                    failure = failed.getCause();
                } else {
                    failure.addSuppressed(failed.getCause());
                }
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    interface Steps {
        void run() throws Exception;
    }

    private static CompletableFuture<Void> track(Steps steps) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().name("audit-track").start(() -> {
            try {
                steps.run();
                done.complete(null);
            } catch (Throwable failed) { // the assertion error travels to the test thread
                done.completeExceptionally(failed);
            }
        });
        return done;
    }

    // --- the command surface ---------------------------------------------------------------------------

    /** Authorization code + PKCE with curl as the browser, twice (the second with --force), then logout. */
    private void browserLogins(Target t) throws Exception {
        Path box = project("browser", ProjectFiles.PROJECT);
        Result login = expect(0, run(t, box, "auth", "login"));
        assertThat(login.stdout()).contains("code_challenge_method=S256", "+ Authenticated as dev@example.com");
        expect(0, run(t, box, "auth", "status", "--json"));
        Result again = expect(0, run(t, box, "auth", "login", "--force"));
        assertThat(again.stdout()).contains("+ Authenticated as dev@example.com");
        assertThat(expect(0, run(t, box, "auth", "whoami")).stdout()).contains("dev@example.com");
        assertThat(expect(0, run(t, box, "auth", "logout")).stdout()).contains("+ Logged out.");
        assertThat(t.emulator().counters().tokensIssued(GrantType.AUTHORIZATION_CODE)).isEqualTo(2);
    }

    /** Every command on its happy path, on a device-login session; then logout. */
    private void deviceLoginAndEveryCommand(Target t) throws Exception {
        Path box = deviceLogin(t, "device");

        // status, whoami (text, JSON, short; the hot path is published and read)
        assertThat(expect(0, run(t, box, "auth", "status")).stdout()).contains("+ Authenticated");
        assertThat(json(expect(0, run(t, box, "auth", "status", "--json"))).path("state").asString()).isEqualTo("authenticated");
        assertThat(expect(0, run(t, box, "auth", "status", "--short")).stdout()).contains("authenticated");
        expect(0, run(t, box, "auth", "whoami"));
        assertThat(json(expect(0, run(t, box, "auth", "whoami", "--json"))).path("email").asString()).isEqualTo("dev@example.com");

        // refresh: not needed, forced (text and JSON)
        assertThat(outcome(expect(0, run(t, box, "auth", "refresh", "--json")))).isEqualTo("not_needed");
        assertThat(expect(0, run(t, box, "auth", "refresh", "--force")).stdout()).contains("+ Refreshed (access token valid for");
        assertThat(outcome(expect(0, run(t, box, "auth", "refresh", "--force", "--json")))).isEqualTo("refreshed");

        // doctor: local, server, JSON, --unstick-lock with nothing stuck
        expect(0, run(t, box, "auth", "doctor"));
        expect(0, run(t, box, "auth", "doctor", "--server"));
        assertThat(json(expect(0, run(t, box, "auth", "doctor", "--server", "--json")))
                .path("server_session").path("active").asBoolean()).isTrue();
        expect(0, run(t, box, "auth", "doctor", "--unstick-lock"));

        // teamspace binding
        expect(0, run(t, box, "teamspace", "status"));
        assertThat(expect(0, run(t, box, "teamspace", "bind", "acme/spec-kitty")).stdout()).contains("+ Bound to teamspace");
        expect(0, run(t, box, "teamspace", "status", "--json"));
        assertThat(expect(0, run(t, box, "teamspace", "unbind")).stdout()).contains("+ Unbound");

        // sync: enqueue, status, doctor, now with a report and as JSON
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.started", "--event-id", "audit-1",
                "--payload", "{\"n\":1}"));
        Path events = box.resolve("user").resolve("events.jsonl");
        Files.writeString(events, eventLines("audit-2", "audit-3", "audit-4"));
        expect(0, run(t, box, "sync", "enqueue", "--file", events.toString(), "--json"));
        expect(0, run(t, box, "sync", "status"));
        expect(0, run(t, box, "sync", "status", "--json"));
        expect(0, run(t, box, "sync", "status", "--check"));
        expect(0, run(t, box, "sync", "doctor"));
        assertThat(expect(0, run(t, box, "sync", "now", "--report", box.resolve("report-ok.json").toString())).stdout())
                .contains("Synced: 4");
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.done", "--event-id", "audit-5"));
        assertThat(json(expect(0, run(t, box, "sync", "now", "--json"))).path("summary").path("synced").asInt()).isEqualTo(1);

        // tracker: bind, status, pull
        assertThat(expect(0, run(t, box, "tracker", "bind", "--provider", "linear", "--binding-ref", "lin-1")).stdout())
                .contains("+ Tracker bound: linear");
        expect(0, run(t, box, "tracker", "status"));
        expect(0, run(t, box, "tracker", "status", "--json"));
        expect(0, run(t, box, "tracker", "pull"));
        assertThat(json(expect(0, run(t, box, "tracker", "pull", "--json"))).path("pulled").asInt()).isEqualTo(3);

        // the interactive shell, help, then logout and what a logged-out repository sees
        Result shell = CliProcess.runWithStdin(box, t.env(), "auth status\nauth whoami --json\nsync status\nexit\n");
        assertThat(shell.exitCode()).as(shell.describe()).isZero();
        expect(0, run(t, box, "help"));
        Result logout = expect(0, run(t, box, "auth", "logout"));
        assertThat(logout.stdout()).contains("+ Server revocation confirmed.", "+ Logged out.");
        assertThat(expect(0, run(t, box, "auth", "status")).stdout()).contains("Not authenticated");
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.later", "--event-id", "audit-7"));
        Result loggedOut = run(t, box, "sync", "now");
        assertThat(loggedOut.exitCode()).as(loggedOut.describe()).isEqualTo(4);
    }

    /**
     * The failure paths that put server text on screen, each server answer echoing the very tokens
     * the CLI sent: sync categories (500, 403, 401, 400, a health check timing out), tracker
     * envelopes (500, 401 twice), the token and session-status endpoints answering 500.
     */
    private void serverFailuresEchoingTheTokens(Target t) throws Exception {
        Path box = deviceLogin(t, "failures");
        assertThat(expect(0, run(t, box, "tracker", "bind", "--provider", "linear", "--binding-ref", "lin-1")).stdout())
                .contains("+ Tracker bound: linear");

        // sync failure categories
        IssuedTokens current = currentTokens(t, box);
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.failed", "--event-id", "audit-6"));
        failBatchOnce(t, 500, Map.of("message", "boom while checking " + current.accessToken()));
        assertCategory(run(t, box, "sync", "now", "--report", box.resolve("report-500.json").toString()), "server_error");
        assertThat(box.resolve("report-500.json")).exists();
        failBatchOnce(t, 403, Map.of("category", "direct_ingress_missing_private_team",
                "message", "Direct sync ingress must target Private Teamspace, not " + current.refreshToken()));
        assertCategory(run(t, box, "sync", "now", "--json"), "direct_ingress_missing_private_team");
        // 401 twice: the first is answered with one forced refresh and one resend (docs/spec/hosted-contract.md §2.11)
        failBatch(t, 401, Map.of("error", "invalid_token", "error_description", "unknown token " + current.accessToken()), 2);
        assertCategory(run(t, box, "sync", "now", "--json", "--report", box.resolve("report-401.json").toString()),
                "auth_expired");
        failBatchOnce(t, 400, Map.of("error", "Bad request", "details", "field refresh_token=" + current.refreshToken()));
        Result badRequest = run(t, box, "sync", "now");
        assertThat(badRequest.exitCode()).as(badRequest.describe()).isEqualTo(1);
        t.emulator().faults().add(Endpoint.SYNC_HEALTH, Fault.delay(4_000).times(1));
        assertThat(run(t, box, "sync", "status", "--check").exitCode()).as("health check timed out").isEqualTo(1);
        assertThat(json(expect(0, run(t, box, "sync", "now", "--json"))).path("summary").path("synced").asInt()).isEqualTo(1);

        // tracker: a 500 envelope echoing the token; 401 twice (one forced refresh between)
        current = currentTokens(t, box);
        t.emulator().faults().add(Endpoint.TRACKER_STATUS, Fault.respond(500, Map.of("error_code", "internal_error",
                "message", "Something broke near " + current.accessToken(), "details", current.refreshToken())).times(1));
        Result envelope = run(t, box, "tracker", "status", "--json");
        assertThat(json(envelope).path("error").path("code").asString()).as(envelope.describe()).isEqualTo("internal_error");
        t.emulator().faults().add(Endpoint.TRACKER_STATUS, Fault.respond(401, Map.of("error_code", "unauthorized",
                "message", "Token " + current.accessToken() + " invalid")).times(2));
        Result expired = run(t, box, "tracker", "status", "--json");
        assertThat(json(expired).path("error").path("code").asString()).as(expired.describe()).isEqualTo("session_expired");

        // server errors on the token and session-status endpoints, echoing what was sent
        current = currentTokens(t, box);
        t.emulator().faults().add(Endpoint.TOKEN, Fault.respond(500, Map.of("error", "server_error",
                "error_description", "could not rotate " + current.refreshToken())).times(1));
        Result refreshFailed = run(t, box, "auth", "refresh", "--force", "--json");
        assertThat(outcome(refreshFailed)).as(refreshFailed.describe()).isEqualTo("refresh_failed");
        t.emulator().faults().add(Endpoint.SESSION_STATUS, Fault.respond(500, Map.of("error", "server_error",
                "message", "status of " + current.accessToken() + " unknown")).times(1));
        Result doctor = run(t, box, "auth", "doctor", "--server", "--json");
        assertThat(json(doctor).path("server_session").path("active").asBoolean()).as(doctor.describe()).isFalse();
        assertThat(expect(0, run(t, box, "auth", "logout", "--force")).stdout()).contains("+ Logged out.");
    }

    private Path deviceLogin(Target t, String name) throws Exception {
        Path box = project(name, ProjectFiles.PROJECT);
        Result login = expect(0, run(t, box, "auth", "login", "--headless"));
        assertThat(login.stdout()).contains("+ Authenticated as dev@example.com");
        return box;
    }

    /** E6 in every token-needing command at once: another process holds the refresh lock. */
    private void lockContention(Target t) throws Exception {
        EmulatorSandbox seeded = EmulatorSandbox.seeded(tempDir, t.emulator(), "contention", Duration.ofSeconds(-1), true);
        Path box = seeded.sandbox;
        ProjectFiles.write(box, ProjectFiles.TRACKER_BOUND);
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.started", "--event-id", "audit-c1"));
        long refreshesBefore = t.emulator().counters().grantRequests(GrantType.REFRESH_TOKEN);
        Process holder = HoldRefreshLock.start(CliProcess.authDirectory(box), 300, 0); // until killed
        List<Result> contended;
        try {
            List<CompletableFuture<Result>> running = List.of(
                    async(t, box, "auth", "refresh", "--json"), async(t, box, "sync", "now", "--json"),
                    async(t, box, "tracker", "status", "--json"), async(t, box, "auth", "doctor", "--server", "--json"));
            contended = running.stream().map(CompletableFuture::join).toList();
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(json(contended.get(0)).path("error").path("code").asString()).as(contended.get(0).describe())
                .isEqualTo("refresh_lock_timeout");
        assertCategory(contended.get(1), "refresh_lock_timeout");
        assertThat(json(contended.get(2)).path("error").path("code").asString()).as(contended.get(2).describe())
                .isEqualTo("refresh_lock_timeout");
        assertThat(json(contended.get(3)).path("server_session").path("error").asString()).as(contended.get(3).describe())
                .contains("Another spec-kitty process is refreshing");
        assertThat(t.emulator().counters().grantRequests(GrantType.REFRESH_TOKEN)).isEqualTo(refreshesBefore);
        assertThat(seeded.onDisk()).as("contention never deletes the session").isPresent();

        Path lockFile = CliProcess.authDirectory(box).resolve("refresh.lock");
        Files.writeString(lockFile, "{\"host\":\"h\",\"pid\":1,\"schema_version\":1,\"started_at\":\""
                + Instant.now().minusSeconds(120) + "\",\"version\":\"t\"}");
        assertThat(expect(0, run(t, box, "auth", "doctor", "--unstick-lock")).stdout())
                .contains("--unstick-lock: stuck lock released.");
        assertThat(outcome(expect(0, run(t, box, "auth", "refresh", "--json")))).isEqualTo("refreshed");
        assertThat(json(expect(0, run(t, box, "sync", "now", "--json"))).path("summary").path("synced").asInt()).isEqualTo(1);
    }

    /**
     * A refresh POST the server answers too late (the CLI gives up after 10 s and keeps storage as it
     * was), then another client spends the refresh token, so the next refresh is refused with
     * invalid_grant and clears the session (docs/spec/behaviour.md §3.3, E3).
     */
    private void refreshTimeoutThenInvalidGrantClears(Target t) throws Exception {
        EmulatorSandbox seeded = EmulatorSandbox.seeded(tempDir, t.emulator(), "timeout", Duration.ofMinutes(10), true);
        Path box = seeded.sandbox;
        t.emulator().faults().add(Endpoint.TOKEN, Fault.delay(12_000).times(1));
        Result timedOut = run(t, box, "auth", "refresh", "--force", "--json");
        assertThat(outcome(timedOut)).as(timedOut.describe()).isEqualTo("lock_timeout_error");
        assertThat(seeded.onDisk().orElseThrow().refreshToken().reveal()).isEqualTo(seeded.minted.refreshToken());

        assertThat(TokenEndpoint.refresh(t.emulator().baseUrl(), seeded.minted.refreshToken()).statusCode())
                .as("another client spends the refresh token").isEqualTo(200);
        Result cleared = run(t, box, "auth", "refresh", "--force", "--json");
        assertThat(outcome(cleared)).as(cleared.describe()).isEqualTo("current_rejection_cleared");
        assertThat(t.emulator().counters().tokenErrors("invalid_grant")).isPositive();
        assertThat(seeded.onDisk()).isEmpty();
        assertThat(expect(0, run(t, box, "auth", "status")).stdout()).contains("Not authenticated");
        run(t, box, "auth", "doctor", "--json");
    }

    /** Unreadable session files: one tampered, one holding tokens in clear text; logout removes it. */
    private void brokenSessionFiles(Target t) throws Exception {
        EmulatorSandbox seeded = EmulatorSandbox.seeded(tempDir, t.emulator(), "broken", Duration.ofMinutes(10), true);
        Path box = seeded.sandbox;
        ProjectFiles.write(box, ProjectFiles.TRACKER_BOUND);
        Path session = CliProcess.authDirectory(box).resolve("session.json");
        String encrypted = Files.readString(session);
        int flip = encrypted.indexOf("\"ciphertext\":\"") + 20;
        Files.writeString(session, encrypted.substring(0, flip) + (encrypted.charAt(flip) == '0' ? '1' : '0')
                + encrypted.substring(flip + 1));
        assertThat(json(run(t, box, "auth", "status", "--json")).path("problem").asString()).isEqualTo("decryption_failed");

        Files.writeString(session, "{\"version\":1,\"access_token\":\"" + BROKEN_ACCESS + "\",\"refresh_token\":\""
                + BROKEN_REFRESH + "\",\"email\":\"dev@example.com\"}");
        Files.setPosixFilePermissions(session, PosixFilePermissions.fromString("rw-------"));
        Result status = run(t, box, "auth", "status");
        assertThat(status.exitCode()).as(status.describe()).isEqualTo(1);
        assertThat(json(run(t, box, "auth", "status", "--json")).path("state").asString()).isEqualTo("unreadable");
        assertThat(run(t, box, "auth", "whoami").exitCode()).isEqualTo(1);
        run(t, box, "auth", "doctor", "--json");
        run(t, box, "auth", "refresh", "--json");
        expect(0, run(t, box, "sync", "enqueue", "--event-type", "mission.started", "--event-id", "audit-b1"));
        run(t, box, "sync", "now", "--json");
        run(t, box, "tracker", "status");
        assertThat(run(t, box, "auth", "login", "--headless").exitCode()).as("a corrupt file is not overwritten silently")
                .isEqualTo(1);
        expect(0, run(t, box, "auth", "logout"));
        assertThat(session).as("logout deletes the unreadable file and its clear-text tokens").doesNotExist();
    }

    // --- the scan --------------------------------------------------------------------------------------

    private void scanEverything(List<ObservedSecret> observed, int firstTranscript, List<String> emulatorLog, long millis)
            throws Exception {
        List<LeakScan.Needle> needles = new ArrayList<>(observed.stream()
                .map(secret -> new LeakScan.Needle(secret.kind().name(), secret.value())).distinct().toList());
        needles.add(new LeakScan.Needle("BROKEN_FILE_TOKEN", BROKEN_ACCESS));
        needles.add(new LeakScan.Needle("BROKEN_FILE_TOKEN", BROKEN_REFRESH));
        assertThat(kinds(observed, SecretKind.DEVICE_CODE)).as("device codes issued").isGreaterThanOrEqualTo(2);
        assertThat(kinds(observed, SecretKind.AUTHORIZATION_CODE)).as("authorization codes issued").isEqualTo(2);
        assertThat(kinds(observed, SecretKind.CODE_VERIFIER)).as("PKCE verifiers received").isEqualTo(2);
        assertThat(kinds(observed, SecretKind.REFRESH_TOKEN)).as("refresh tokens of every generation").isGreaterThan(8);

        LeakScan scan = new LeakScan(needles);
        List<Result> transcripts = CliProcess.transcripts().subList(firstTranscript, CliProcess.transcripts().size());
        for (Result result : transcripts) {
            scan.text("stdout", "stdout of " + result.args(), result.stdout());
            scan.text("stderr", "stderr of " + result.args(), result.stderr());
        }
        scan.text("emulator log", "the emulator's log", String.join("\n", emulatorLog));
        List<Path> files = scan.tree(tempDir);
        List<String> names = files.stream().map(file -> file.getFileName().toString()).distinct().toList();
        assertThat(names).as("the files the audit promises to scan").contains("session.json", "session.salt",
                "session.lock", "session.hot-path.json", "refresh.lock", "queue.db", "config.yaml",
                "report-500.json", "report-401.json", "events.jsonl");

        System.out.printf("Token leak audit: %d CLI processes, %d files, %d emulator log lines; %s; %d ms%n",
                transcripts.size(), files.size(), emulatorLog.size(), scan.summary(), millis);
        assertThat(scan.findings()).as("secrets found outside the encrypted sessions").isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Map<String, String> environment(HostedEmulator running) throws Exception {
        Path browser = tempDir.resolve("curl-browser");
        Files.writeString(browser, "#!/bin/sh\nexec curl -s -L -o /dev/null \"$1\"\n");
        Files.setPosixFilePermissions(browser, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> environment = new HashMap<>();
        environment.put("SPEC_KITTY_SAAS_URL", running.baseUrl());
        environment.put("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");
        environment.put("SPEC_KITTY_NON_INTERACTIVE", "1");
        environment.put("SPEC_KITTY_DEBUG_COUNTERS", "1");
        environment.put("SPEC_KITTY_TEST_EGRESS_LOG", egressLog().toString());
        environment.put("BROWSER", browser.toString());
        return Map.copyOf(environment);
    }

    private Path egressLog() {
        return tempDir.resolve("egress.log");
    }

    private Path project(String name, String config) throws Exception {
        Path box = CliProcess.freshSandbox(tempDir.resolve(name));
        ProjectFiles.write(box, config);
        return box;
    }

    private static Result run(Target t, Path box, String... args) {
        long started = System.nanoTime();
        Result result = CliProcess.runWith(box, t.env(), args);
        System.out.printf("  %6d ms  exit %d  %s: spec-kitty %s%n", (System.nanoTime() - started) / 1_000_000,
                result.exitCode(), box.getFileName(), String.join(" ", args));
        return result;
    }

    private static CompletableFuture<Result> async(Target t, Path box, String... args) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> result.complete(run(t, box, args)));
        return result;
    }

    private static Result expect(int exitCode, Result result) {
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(exitCode);
        return result;
    }

    private static JsonNode json(Result result) {
        return JsonDocuments.single(result.stdout());
    }

    private static String outcome(Result result) {
        return json(result).path("outcome").asString();
    }

    private static void assertCategory(Result result, String category) {
        String stdout = result.stdout();
        assertThat(stdout).as(result.describe()).contains(category);
    }

    private static void failBatchOnce(Target t, int status, Map<String, Object> body) {
        failBatch(t, status, body, 1);
    }

    private static void failBatch(Target t, int status, Map<String, Object> body, int times) {
        t.emulator().faults().add(Endpoint.EVENTS_BATCH, Fault.respond(status, body).times(times));
    }

    /** The tokens the emulator issued last for the session stored in {@code box}. */
    private static IssuedTokens currentTokens(Target t, Path box) {
        StoredSession stored = EmulatorSandbox.store(box).read().orElseThrow();
        return t.emulator().issuedTokens().stream().filter(tokens -> tokens.sessionId().equals(stored.sessionId()))
                .reduce((first, second) -> second).orElseThrow();
    }

    private static String eventLines(String... ids) {
        StringBuilder lines = new StringBuilder();
        for (String id : ids) {
            lines.append("{\"event_id\":\"").append(id).append("\",\"event_type\":\"mission.started\"}\n");
        }
        return lines.toString();
    }

    private static long kinds(List<ObservedSecret> observed, SecretKind kind) {
        return observed.stream().filter(secret -> secret.kind() == kind).count();
    }

}
