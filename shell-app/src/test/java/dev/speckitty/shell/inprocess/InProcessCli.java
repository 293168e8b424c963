package dev.speckitty.shell.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.repository.YamlBindingStore;
import dev.speckitty.application.login.Sleeper;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.shell.config.AuthConfiguration;
import dev.speckitty.shell.config.HostedConfiguration;
import dev.speckitty.shell.settings.Interactivity;
import dev.speckitty.shell.config.RuntimeConfiguration;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.config.ShellConfiguration;
import dev.speckitty.shell.config.StorageConfiguration;
import dev.speckitty.shell.config.SyncConfiguration;
import dev.speckitty.shell.runner.ExitCode;
import dev.speckitty.shell.runner.SpecKittyShellRunner;
import dev.speckitty.shell.runner.TerminalStreams;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemoryEventQueue;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test composition root: the production wiring ({@code config/}'s configuration classes) with
 * the edges replaced by fakes, so any command runs in this JVM through the real runner. Faked: the
 * session store, refresh lock and event queue (test-fixtures), the clock and the device-flow sleeps
 * (a {@link MutableClock} that the sleeps advance), the terminal (in-memory streams and stdin), the
 * browser (records the URL, opens nothing) and the environment (a map: {@code SPEC_KITTY_HOME} in a
 * temp directory, non-interactive). Real: every use case, command, view and the runner, the hosted
 * adapters (point {@code SPEC_KITTY_SAAS_URL} at a WireMock server on loopback) and the
 * repository binding files under {@link #project()}.
 *
 * <p>Each {@link #run} builds a fresh context, as each one-shot is a fresh process; the fakes and
 * files carry the state from one run to the next.
 */
public final class InProcessCli {

    public static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home;
    private final Path project;
    private final Map<String, String> environment = new HashMap<>();
    private final MutableClock clock = new MutableClock(START);
    private final InMemorySessionStore store;
    private final FakeRefreshLock lock = new FakeRefreshLock(clock);
    private final InMemoryEventQueue queue = new InMemoryEventQueue();
    private final List<String> browserUrls = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private boolean browserApproves;
    private String stdin = "";

    private InProcessCli(Path root, InMemorySessionStore store) {
        this.home = root.resolve("spec-kitty-home");
        this.project = root.resolve("project");
        this.store = store;
        try {
            Files.createDirectories(home);
            Files.createDirectories(project);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.put("HOME", root.toString());
        environment.put("SPEC_KITTY_HOME", home.toString());
        environment.put("SPEC_KITTY_NON_INTERACTIVE", "1");
    }

    /** Logged out, sync not enabled, no hosted URL, a project directory without {@code .kittify/}. */
    public static final String PROJECT_CONFIG = "project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: acme-local\n";
    public static final String ORIGIN = "[remote \"origin\"]\n\turl = git@github.com:acme/spec-kitty.git\n";

    public static InProcessCli in(Path root) {
        return new InProcessCli(root, new InMemorySessionStore());
    }

    /** The same, with {@code session} stored (a test-fixtures SessionBuilder session, relative to {@link #START}). */
    public static InProcessCli withSession(Path root, StoredSession session) {
        return new InProcessCli(root, new InMemorySessionStore(session));
    }

    public InProcessCli env(String name, String value) {
        if (value == null) {
            environment.remove(name);
        } else {
            environment.put(name, value);
        }
        return this;
    }

    /** Sync enabled against the hosted service at {@code baseUrl}. */
    public InProcessCli hostedAt(String baseUrl) {
        return env("SPEC_KITTY_SAAS_URL", baseUrl).env("SPEC_KITTY_ENABLE_SAAS_SYNC", "1");
    }

    /** A person at the keyboard who types {@code lines} (each answer a line). */
    public InProcessCli interactiveWithInput(String lines) {
        env("SPEC_KITTY_NON_INTERACTIVE", null).env("SPEC_KITTY_FORCE_INTERACTIVE", "1");
        this.stdin = lines;
        return this;
    }

    /**
     * The browser approves every login at once: it follows the authorize URL's redirect to the
     * CLI's loopback listener with a code and the state, as the hosted login page would.
     */
    public InProcessCli browserApproves() {
        this.browserApproves = true;
        return this;
    }

    public InProcessCli stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** A project with identity ({@link #PROJECT_CONFIG}) whose git origin is acme/spec-kitty: a connected Teamspace. */
    public InProcessCli connectedProject() {
        return projectFile(".kittify/config.yaml", PROJECT_CONFIG).projectFile(".git/config", ORIGIN);
    }

    /** Writes {@code relative} under the project directory (e.g. {@code .kittify/config.yaml}). */
    public InProcessCli projectFile(String relative, String text) {
        try {
            Path file = project.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path home() {
        return home;
    }

    public Path project() {
        return project;
    }

    public MutableClock clock() {
        return clock;
    }

    public InMemorySessionStore store() {
        return store;
    }

    public FakeRefreshLock lock() {
        return lock;
    }

    public InMemoryEventQueue queue() {
        return queue;
    }

    public List<String> browserUrls() {
        return browserUrls;
    }

    public List<Duration> sleeps() {
        return sleeps;
    }

    /** Runs one command line (words as a shell would split them) and returns what it printed and its exit. */
    public Result run(String... words) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TerminalStreams streams = new TerminalStreams(TerminalStreams.terminalSafe(out),
                TerminalStreams.terminalSafe(err), new BufferedReader(new StringReader(stdin)));
        try (AnnotationConfigApplicationContext context = context(streams)) {
            SpecKittyShellRunner runner = new SpecKittyShellRunner(context.getBean(CommandRegistry.class), streams);
            runner.run(words);
            streams.flush();
            return new Result(runner.exitCode(), out.toString(), err.toString());
        }
    }

    /**
     * The production configuration classes; a bean registered here before them wins over their
     * {@code @Bean} method of the same name, which is how each edge is replaced.
     */
    private AnnotationConfigApplicationContext context(TerminalStreams streams) {
        RuntimeEnvironment runtimeEnvironment = RuntimeEnvironment.of(environment);
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("runtimeEnvironment", RuntimeEnvironment.class, () -> runtimeEnvironment);
        context.registerBean("clock", Clock.class, () -> clock);
        context.registerBean("sleeper", Sleeper.class, () -> duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        });
        context.registerBean("terminalStreams", TerminalStreams.class, () -> streams);
        context.registerBean("interactivity", Interactivity.class, () -> new Interactivity(runtimeEnvironment, false));
        context.registerBean("sessionStore", SessionStore.class, () -> store);
        context.registerBean("sessionHotPath", SessionHotPath.class, () -> Optional::empty);
        context.registerBean("refreshLock", RefreshLock.class, () -> lock);
        context.registerBean("eventQueue", EventQueue.class, () -> queue);
        context.registerBean("bindingStore", BindingStore.class, () -> new YamlBindingStore(project, environment));
        context.registerBean("browser", Browser.class, () -> (Browser) url -> {
            browserUrls.add(url);
            if (browserApproves) {
                Thread.startVirtualThread(() -> approve(url));
            }
            return browserApproves;
        });
        context.register(RuntimeConfiguration.class, StorageConfiguration.class, AuthConfiguration.class,
                SyncConfiguration.class, HostedConfiguration.class, ShellConfiguration.class);
        context.refresh();
        return context;
    }

    private static void approve(String authorizeUrl) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(authorizeUrl).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        URI callback = URI.create(query.get("redirect_uri") + "?code=code_fake&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(callback).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException failed) {
            throw new IllegalStateException("the fake browser could not reach the loopback listener", failed);
        }
    }

    /** What one run printed and how it exited. */
    public record Result(ExitCode exit, String out, String err) {

        /** stdout as exactly one JSON document (the {@code --json} contract), parsed. */
        public JsonNode json() {
            List<String> lines = out.lines().toList();
            assertThat(lines).as("stdout must be exactly one JSON document:%n%s%nstderr:%n%s", out, err).hasSize(1);
            return JSON.readTree(lines.getFirst());
        }

        /** The {@code error} object of a failure document. */
        public JsonNode error() {
            JsonNode error = json().path("error");
            assertThat(error.isObject()).as(out).isTrue();
            return error;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
