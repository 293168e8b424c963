package dev.speckitty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.shell.support.CliProcess;
import dev.speckitty.shell.support.CliProcess.Result;
import dev.speckitty.shell.support.JsonDocuments;
import dev.speckitty.testfixtures.SessionBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 / decision 16: the packaged CLI, as real processes, against a strict standards OAuth
 * server (RFC 8414 metadata, RFC 8628 device grant, PKCE S256 on a loopback redirect, refresh
 * rotation, RFC 7009 revocation, RFC 7662 introspection) that sends no spec-kitty field. The steps
 * build on each other (log in, refresh, check, log out), so they run in order on one server; every
 * output and every file is scanned for the tokens at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
abstract class StandardsServerScenarios {

    private static final int BURST = 8;

    /** Made in {@code @BeforeAll} (a {@code @TempDir} field is not there yet for a per-class instance). */
    Path tempDir;

    StandardsServer server;
    Path deviceBox;
    Path browserBox;
    Map<String, String> environment;
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Starts the server under test. */
    abstract StandardsServer start() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        tempDir = Files.createTempDirectory("standards-server");
        server = start();
        deviceBox = CliProcess.freshSandbox(tempDir.resolve("device"));
        browserBox = CliProcess.freshSandbox(tempDir.resolve("browser"));
        environment = Map.of("SPEC_KITTY_SAAS_URL", server.baseUrl(),
                "BROWSER", server.browserCommand(tempDir),
                "SPEC_KITTY_TEST_EGRESS_LOG", tempDir.resolve("egress.log").toString());
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (var files = Files.walk(tempDir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    @Order(1)
    void deviceLoginIsApprovedThroughTheServer() throws Exception {
        CliProcess.Running login = CliProcess.spawn(deviceBox, environment, "auth", "login", "--headless");
        String userCode;
        try {
            userCode = server.approvePendingDevice();
        } catch (Exception | AssertionError failed) {
            throw new AssertionError(failed.getMessage() + "\n" + login.kill().describe(), failed);
        }
        Result done = login.await();

        assertThat(done.exitCode()).as(done.describe()).isZero();
        assertThat(done.stdout()).contains("Code:  ").contains("+ Authenticated as dev@example.com");
        if (userCode != null) {
            assertThat(done.stdout()).as("the code the user typed in is the one the CLI showed").contains(userCode);
        }
        StoredSession session = stored(deviceBox);
        remember(session);
        assertThat(session.authMethod()).isEqualTo("device_code");
        assertThat(session.sessionId()).as("no session_id from a standards server: a local one")
                .matches("local-[0-9a-f-]{36}");
        assertThat(session.refreshTokenExpiresAt()).isNull();
    }

    @Test
    @Order(2)
    void browserLoginCompletesThroughTheLoopbackRedirect() throws Exception {
        Result login = CliProcess.runWith(browserBox, environment, "auth", "login");

        assertThat(login.exitCode()).as(login.describe()).isZero();
        assertThat(login.stdout()).contains("code_challenge_method=S256")
                .contains("redirect_uri=http%3A%2F%2F127.0.0.1").contains("+ Authenticated as dev@example.com");
        StoredSession session = stored(browserBox);
        remember(session);
        assertThat(session.authMethod()).isEqualTo("authorization_code");
        assertThat(session.sessionId()).startsWith("local-").isNotEqualTo(stored(deviceBox).sessionId());
    }

    @Test
    @Order(3)
    void statusSaysTheRefreshLifetimeIsUnknownNotLegacy() {
        Result status = run(deviceBox, "auth", "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        assertThat(status.stdout()).contains("+ Authenticated").contains("Private (owner) (private, default)")
                .contains("Refresh token:  unknown (the server does not say when it expires)")
                .doesNotContain("legacy");
        JsonNode json = JsonDocuments.single(run(deviceBox, "auth", "status", "--json").stdout());
        assertThat(json.path("refresh_token_lifetime").asString()).isEqualTo("unknown");
        assertThat(json.path("session_id").asString()).startsWith("local-");

        assertThat(run(deviceBox, "auth", "doctor").stdout()).contains("Refresh token:  unknown")
                .doesNotContain("legacy");
    }

    @Test
    @Order(4)
    void aBurstOfRefreshesAfterExpiryRotatesExactlyOnce() throws Exception {
        StoredSession before = stored(deviceBox);
        store(deviceBox).write(withAccessExpiry(before, Instant.now().minusSeconds(5)));
        int requestsBefore = server.refreshRequests();
        int rotationsBefore = server.rotations();

        List<Result> results = burst(deviceBox, "auth", "refresh");

        for (Result result : results) {
            assertThat(result.exitCode()).as(result.describe()).isZero();
        }
        assertThat(server.rotations() - rotationsBefore).as("rotations").isEqualTo(1);
        assertThat(server.refreshRequests() - requestsBefore).as("refresh requests").isEqualTo(1);
        StoredSession after = stored(deviceBox);
        remember(after);
        assertThat(after.refreshToken().reveal()).isNotEqualTo(before.refreshToken().reveal());
        assertThat(after.sessionId()).as("the local id survives a refresh").isEqualTo(before.sessionId());
        assertThat(refreshAtServer(before.refreshToken().reveal())).as("the spent refresh token")
                .isEqualTo("invalid_grant");
    }

    @Test
    @Order(5)
    void doctorServerAsksThroughIntrospection() {
        Result doctor = run(deviceBox, "auth", "doctor", "--server");
        assertThat(doctor.exitCode()).as(doctor.describe()).isZero();
        assertThat(doctor.stdout()).contains("Status:  active (token introspection; access token expires in ");

        JsonNode json = JsonDocuments.single(run(deviceBox, "auth", "doctor", "--server", "--json").stdout());
        assertThat(json.path("server_session").path("active").asBoolean()).isTrue();
        assertThat(json.path("server_session").path("method").asString()).isEqualTo("introspection");
        assertThat(json.path("server_session").path("expires_at").asString()).isNotBlank();
        assertThat(json.path("session").path("refresh_token_lifetime").asString()).isEqualTo("unknown");
    }

    @Test
    @Order(6)
    void logoutRevokesAtTheServer() throws Exception {
        for (Path box : List.of(deviceBox, browserBox)) {
            StoredSession before = stored(box);
            Result logout = run(box, "auth", "logout");
            assertThat(logout.exitCode()).as(logout.describe()).isZero();
            assertThat(logout.stdout()).contains("+ Server revocation confirmed.").contains("+ Logged out.");
            assertThat(CliProcess.authDirectory(box).resolve("session.json")).doesNotExist();
            assertThat(refreshAtServer(before.refreshToken().reveal())).isEqualTo("invalid_grant");
        }
    }

    @Test
    @Order(7)
    void noTokenInAnyOutputOrFile() throws IOException {
        List<String> needles = new ArrayList<>(secrets);
        needles.addAll(server.serverSideSecrets());
        assertThat(needles).as("secrets to look for").hasSizeGreaterThanOrEqualTo(6);
        List<Result> transcripts = CliProcess.transcripts();
        assertThat(transcripts).hasSizeGreaterThan(BURST);
        for (Result result : transcripts) {
            for (String secret : needles) {
                assertThat(result.stdout() + result.stderr()).as("output of %s", result.args()).doesNotContain(secret);
            }
        }
        try (var files = Files.walk(tempDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String secret : needles) {
                    assertThat(content).as("%s", file).doesNotContain(secret);
                }
            }
        }
        Path egress = tempDir.resolve("egress.log");
        assertThat(Files.exists(egress) ? Files.readString(egress) : "").as("non-loopback lookups").isEmpty();
    }

    // ---- helpers ----

    Result run(Path box, String... args) {
        return CliProcess.runWith(box, environment, args);
    }

    void remember(StoredSession session) {
        secrets.add(session.accessToken().reveal());
        secrets.add(session.refreshToken().reveal());
    }

    static EncryptedFileSessionStore store(Path box) {
        return EncryptedFileSessionStore.inAuthDirectory(CliProcess.authDirectory(box));
    }

    static StoredSession stored(Path box) {
        return store(box).read().orElseThrow(() -> new AssertionError("no session in " + box));
    }

    private static StoredSession withAccessExpiry(StoredSession s, Instant expiry) {
        return SessionBuilder.from(s).accessTokenExpiresAt(expiry).build();
    }

    private List<Result> burst(Path box, String... args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                futures.add(pool.submit(() -> run(box, args)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The server's answer to a refresh with {@code refreshToken}: "ok" or the OAuth error code. */
    String refreshAtServer(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=cli_native&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + server.tokenPath()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return "ok";
        }
        return JsonDocuments.single(response.body()).path("error").asString();
    }
}
