package dev.speckitty.emulator;

import dev.speckitty.emulator.fault.FaultBoard;
import dev.speckitty.emulator.state.CounterSnapshot;
import dev.speckitty.emulator.state.EmulatorClock;
import dev.speckitty.emulator.state.EmulatorState;
import dev.speckitty.emulator.state.IssuedTokens;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.ObservedSecret;
import dev.speckitty.emulator.state.ReceivedEvent;
import dev.speckitty.emulator.state.RefreshTokenState;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.SessionSeed;
import dev.speckitty.emulator.state.SessionSnapshot;
import dev.speckitty.emulator.state.User;
import dev.speckitty.emulator.web.EmulatorRoutes;
import dev.speckitty.emulator.web.ServerAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A running emulator of the hosted Spec Kitty service, bound to 127.0.0.1 only.
 *
 * <p>For JVM tests in other modules: {@code try (var emulator = HostedEmulator.start()) { … }}, point the
 * client at {@link #baseUrl()}, seed a session with {@link #mintSession}, steer it with {@link #switches()}
 * and {@link #faults()}, and assert on {@link #counters()}. Everything here is also reachable over HTTP under
 * {@code /__admin/} for tests that run the client as a separate process.
 *
 * <p>It is WebFlux functional routing on Reactor Netty without a Spring application context: it starts in
 * a fraction of a second and many instances can run in one JVM.
 */
public final class HostedEmulator implements AutoCloseable {

    public static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(HostedEmulator.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final EmulatorState state;
    private final DisposableServer server;
    private final String baseUrl;

    private HostedEmulator(EmulatorState state, DisposableServer server, String baseUrl) {
        this.state = state;
        this.server = server;
        this.baseUrl = baseUrl;
    }

    public static HostedEmulator start() {
        return start(EmulatorSettings.defaults());
    }

    public static HostedEmulator start(EmulatorSettings settings) {
        EmulatorState state = new EmulatorState(settings, EmulatorClock.system());
        ServerAddress address = new ServerAddress();
        HandlerStrategies strategies = HandlerStrategies.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                .build();
        HttpHandler handler = RouterFunctions.toHttpHandler(new EmulatorRoutes(state, address).router(), strategies);
        DisposableServer server = HttpServer.create()
                .host(LOOPBACK)
                .port(settings.port())
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow(Duration.ofSeconds(10));
        address.bound(server.port());
        LOG.info("emulator bound to {} (auto_approve={}, standard_only={})", address.baseUrl(),
                settings.autoApprove(), settings.standardOnly());
        return new HostedEmulator(state, server, address.baseUrl());
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash: what {@code SPEC_KITTY_SAAS_URL} should be. */
    public String baseUrl() {
        return baseUrl;
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public int port() {
        return server.port();
    }

    public CounterSnapshot counters() {
        return state.counters().snapshot();
    }

    public void resetCounters() {
        state.counters().clear();
    }

    public RuntimeSwitches switches() {
        return state.switches();
    }

    public FaultBoard faults() {
        return state.faults();
    }

    public MintedSession mintSession(SessionSeed seed) {
        return state.mint().mint(seed);
    }

    public MintedSession mintSession() {
        return mintSession(SessionSeed.signedInUser());
    }

    /** The session's generation, revocation and expiry (no tokens); empty for an unknown id. */
    public Optional<SessionSnapshot> session(String sessionId) {
        return state.tokens().session(sessionId);
    }

    /** Whether a refresh token is its family's live one, spent by a rotation, or unknown here. */
    public RefreshTokenState refreshTokenState(String refreshToken) {
        return state.tokens().refreshTokenState(refreshToken);
    }

    public boolean expireAccessTokens(String sessionId) {
        return state.tokens().expireAccessTokens(sessionId);
    }

    public boolean revokeSession(String sessionId) {
        return state.tokens().revokeSession(sessionId);
    }

    /**
     * Test support for leak audits: every secret issued since the start or the last {@link #reset()}
     * (access and refresh tokens of every generation, authorization codes, device codes) and every
     * PKCE code verifier received, in order. Java only: the admin API never hands these out.
     */
    public List<ObservedSecret> secrets() {
        return state.secrets().all();
    }

    /** Every token pair issued since the start or the last reset (minted, by login, by rotation), in order. */
    public List<IssuedTokens> issuedTokens() {
        return state.tokens().issued();
    }

    /** The user who approves browser and device logins (and whom minted sessions use by default). */
    public void signedInUser(User user) {
        state.users().replaceSignedInUser(user);
    }

    public User signedInUser() {
        return state.users().signedInUser();
    }

    public void privateTeam(boolean present) {
        state.privateTeam(present);
    }

    /** Makes {@code /api/v1/me} answer this body verbatim for every valid token; null restores the real answer. */
    public void meOverride(Map<String, Object> body) {
        state.meOverride(body);
    }

    public List<ReceivedEvent> receivedEvents() {
        return state.events().accepted();
    }

    /** How many events batch ingress accepted: {@code receivedEvents().size()} without the copy. */
    public int receivedEventCount() {
        return state.events().acceptedCount();
    }

    /** Event id → how many times batch ingress saw it again after accepting it (each answered {@code duplicate}). */
    public Map<String, Integer> redeliveredEvents() {
        return state.events().redelivered();
    }

    public void advanceClock(Duration by) {
        state.clock().advance(by);
    }

    /** Back to the start settings, forgetting sessions, codes, secrets, events, faults and counters. */
    public void reset() {
        state.reset();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    /** Blocks until the server is closed (used by the command-line entry point). */
    void awaitClose() {
        server.onDispose().block();
    }
}
