package dev.speckitty.application.login;

import static dev.speckitty.application.session.Fixtures.NOW;
import static dev.speckitty.testfixtures.Teams.PRIVATE;
import static dev.speckitty.testfixtures.Teams.SHARED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.Fixtures;
import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.SpyMembershipDirectory;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.CallbackParameters;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.Secret;
import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.testfixtures.FakeRefreshLock;
import dev.speckitty.testfixtures.InMemorySessionStore;
import dev.speckitty.testfixtures.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Browser and device login, logout, against in-memory ports. */
class LoginTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final List<Duration> sleeps = new ArrayList<>();
    private final FakeServer server = new FakeServer();
    private final SpyMembershipDirectory directory = new SpyMembershipDirectory(List.of(SHARED, PRIVATE));
    private final RecordingProgress progress = new RecordingProgress();

    private Function<AuthorizationRequest, CallbackParameters> browserAnswer = request ->
            new CallbackParameters(Secret.of("code-1"), request.state(), null, null);

    private Login login(InMemorySessionStore store) {
        SessionManager sessions = new SessionManager(store,
                new RefreshTransaction(store, new FakeRefreshLock(), server, clock),
                new MembershipRehydration(directory), clock);
        AuthorizationCallbackListener callbacks = (anyPort, expectedState) -> new AuthorizationCallbackListener.Listening() {
            @Override
            public String redirectUri() {
                return "http://127.0.0.1:28888/callback";
            }

            @Override
            public Optional<CallbackParameters> await(Duration timeout) {
                return Optional.ofNullable(browserAnswer.apply(server.lastRequest));
            }

            @Override
            public void close() {}
        };
        return new Login(sessions, new RefreshGate(new FakeRefreshLock()), server, directory, callbacks, url -> false, clock, d -> {
            sleeps.add(d);
            clock.set(clock.instant().plus(d));
        });
    }

    @Test
    void browserLoginExchangesTheCodeWithTheVerifierAndPersistsTheSession() {
        var store = new InMemorySessionStore(null);

        LoginResult result = login(store).run(false, false, progress);

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        StoredSession saved = store.stored();
        assertThat(saved.accessToken().reveal()).isEqualTo("at_login");
        assertThat(saved.defaultTeamId()).isEqualTo("t-private");
        assertThat(saved.authMethod()).isEqualTo("authorization_code");
        assertThat(saved.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(900));
        assertThat(server.exchangedCode).isEqualTo("code-1");
        assertThat(Pkce.challengeFor(server.lastRequest.codeVerifier())).isEqualTo(server.lastRequest.codeChallenge());
        assertThat(progress.urls).containsExactly("https://as.example/authorize?state=…");
        assertThat(directory.tokensSeen).containsExactly("at_login");
    }

    @Test
    void aStandardsServerGrantGetsALocalSessionIdAndAnUnknownRefreshLifetime() {
        // decision 16: RFC 6749 fields only, no session_id, no refresh expiry
        server.grant = new TokenGrant(Secret.of("at_login"), Secret.of("rt_login"), 300L, null, null, null, null, null);
        var store = new InMemorySessionStore(null);

        assertThat(login(store).run(false, false, progress)).isInstanceOf(LoginResult.LoggedIn.class);
        StoredSession first = store.stored();
        assertThat(first.sessionId()).matches("local-[0-9a-f-]{36}");
        assertThat(first.hasLocalSessionId()).isTrue();
        assertThat(first.refreshTokenExpiresAt()).isNull();
        assertThat(first.refreshLifetime()).isEqualTo(StoredSession.RefreshLifetime.UNKNOWN);
        assertThat(first.scope()).isEqualTo("offline_access");

        assertThat(login(store).run(false, true, progress)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(store.stored().sessionId()).as("each login mints its own").startsWith("local-")
                .isNotEqualTo(first.sessionId());
    }

    @Test
    void aSpecKittySessionWithoutRefreshExpiryIsStillLegacy() {
        server.grant = new TokenGrant(Secret.of("at_login"), Secret.of("rt_login"), 300L, null, null, null, "sess_9", null);
        var store = new InMemorySessionStore(null);

        login(store).run(false, false, progress);

        assertThat(store.stored().sessionId()).isEqualTo("sess_9");
        assertThat(store.stored().refreshLifetime()).isEqualTo(StoredSession.RefreshLifetime.LEGACY);
    }

    @Test
    void aUserinfoIdentityLogsInWithoutTeamsButAnEmptyMeTeamListStillFails() {
        directory.userinfoOnly = true;
        var store = new InMemorySessionStore(null);

        assertThat(login(store).run(false, false, progress)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(store.stored().teams()).isEmpty();
        assertThat(store.stored().defaultTeamId()).isEmpty();
        assertThat(store.stored().privateTeam()).isEmpty();

        directory.userinfoOnly = false;
        directory.teams = List.of();
        var other = new InMemorySessionStore(null);
        assertThat(login(other).run(false, false, progress)).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.message()).contains("User has no team memberships"));
        assertThat(other.stored()).isNull();
    }

    @Test
    void stateMismatchFailsWithoutWritingASession() {
        var store = new InMemorySessionStore(null);
        browserAnswer = request -> new CallbackParameters(Secret.of("code-1"), Secret.of("forged"), null, null);

        LoginResult result = login(store).run(false, false, progress);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(LoginResult.Reason.CALLBACK_INVALID);
            assertThat(failed.message()).contains("State mismatch").doesNotContain("forged");
        });
        assertThat(store.stored()).isNull();
        assertThat(server.exchangedCode).isNull();
    }

    @Test
    void aCallbackWithoutCodeOrWithoutStateIsRejectedBeforeAnyExchange() {
        var store = new InMemorySessionStore(null);
        browserAnswer = request -> new CallbackParameters(null, request.state(), null, null);
        assertThat(login(store).run(false, false, progress)).isEqualTo(new LoginResult.Failed(LoginResult.Reason.CALLBACK_INVALID,
                "Callback validation failed: Missing 'code' in callback parameters. This may indicate a CSRF attack"
                        + " or a stale browser tab. Run spec-kitty auth login again."));

        browserAnswer = request -> new CallbackParameters(Secret.of("code-1"), null, null, null);
        assertThat(login(store).run(false, false, progress)).isEqualTo(new LoginResult.Failed(LoginResult.Reason.CALLBACK_INVALID,
                "Callback validation failed: Missing 'state' in callback parameters. This may indicate a CSRF attack"
                        + " or a stale browser tab. Run spec-kitty auth login again."));

        // the contract's order: a provider error is reported first, even without code or state
        browserAnswer = request -> new CallbackParameters(null, null, "server_error", null);
        assertThat(login(store).run(false, false, progress)).isEqualTo(new LoginResult.Failed(
                LoginResult.Reason.AUTHENTICATION_FAILED, "OAuth provider returned error: server_error"));
        assertThat(store.stored()).isNull();
        assertThat(server.exchanges).isZero();
    }

    @Test
    void aCodeReplayedFromAnEarlierLoginIsRefusedByItsStaleState() {
        var store = new InMemorySessionStore(null);
        List<CallbackParameters> delivered = new ArrayList<>();
        browserAnswer = request -> {
            CallbackParameters callback = new CallbackParameters(Secret.of("code-1"), request.state(), null, null);
            delivered.add(callback);
            return callback;
        };
        assertThat(login(store).run(false, false, progress)).isInstanceOf(LoginResult.LoggedIn.class);
        StoredSession first = store.stored();

        // the first attempt's callback (code and state) arrives again, at a new login
        browserAnswer = request -> delivered.get(0);
        LoginResult replay = login(store).run(false, true, progress);

        assertThat(replay).isInstanceOfSatisfying(LoginResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(LoginResult.Reason.CALLBACK_INVALID);
            assertThat(failed.message()).contains("State mismatch").doesNotContain(delivered.get(0).state().reveal());
        });
        assertThat(server.exchanges).as("the replayed code is never exchanged").isEqualTo(1);
        assertThat(store.stored()).isSameAs(first);
        assertThat(server.revoked).isEmpty();
    }

    @Test
    void providerErrorAndTimeoutAreReported() {
        var store = new InMemorySessionStore(null);
        browserAnswer = request -> new CallbackParameters(null, request.state(), "access_denied", "User said no");
        assertThat(login(store).run(false, false, progress)).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.message()).isEqualTo("OAuth provider returned error: access_denied (User said no)"));

        browserAnswer = request -> null;
        assertThat(login(store).run(false, false, progress)).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(LoginResult.Reason.TIMED_OUT));
        assertThat(store.stored()).isNull();
    }

    @Test
    void existingValidSessionIsKeptWithoutForce() {
        StoredSession existing = Fixtures.session("at_1", "rt_1", Duration.ofMinutes(5), List.of(PRIVATE));
        var store = new InMemorySessionStore(existing);

        assertThat(login(store).run(false, false, progress)).isInstanceOf(LoginResult.AlreadyLoggedIn.class);
        assertThat(store.stored()).isEqualTo(existing);
    }

    @Test
    void forcedLoginReplacesTheSessionAndThenRevokesTheOldRefreshToken() {
        StoredSession existing = Fixtures.session("at_1", "rt_old", Duration.ofMinutes(5), List.of(PRIVATE));
        var store = new InMemorySessionStore(existing);

        assertThat(login(store).run(false, true, progress)).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(store.stored().refreshToken().reveal()).isEqualTo("rt_login");
        assertThat(server.revoked).containsExactly("rt_old");
    }

    @Test
    void aLoginWhoseSessionCannotBeWrittenRevokesTheFreshGrantAndSaysSo() {
        StoredSession existing = Fixtures.session("at_1", "rt_old", Duration.ofMinutes(5), List.of(PRIVATE));
        var store = new InMemorySessionStore(existing);
        store.failNextWrites(1);

        LoginResult result = login(store).run(false, true, progress);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(LoginResult.Reason.STORAGE_UNWRITABLE);
            assertThat(failed.message()).contains("Could not save the new session", "No space left on device",
                    "revoked at the server", "spec-kitty auth login").doesNotContain("rt_login", "at_login");
        });
        assertThat(server.revoked).as("the new grant, never the kept old session").containsExactly("rt_login");
        assertThat(store.stored()).isEqualTo(existing);
    }

    @Test
    void anUnrevokableUnsavedGrantIsNamedAsSuch() {
        var store = new InMemorySessionStore(null);
        store.failNextWrites(1);
        server.revokeOutcome = RevokeOutcome.NETWORK_ERROR;

        LoginResult result = login(store).run(false, false, progress);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class, failed -> assertThat(failed.message())
                .contains("could not be revoked at the server (network_error)"));
        assertThat(store.stored()).isNull();
    }

    @Test
    void failedForcedLoginKeepsTheOldSession() {
        StoredSession existing = Fixtures.session("at_1", "rt_old", Duration.ofMinutes(5), List.of(PRIVATE));
        var store = new InMemorySessionStore(existing);
        browserAnswer = request -> null;

        assertThat(login(store).run(false, true, progress)).isInstanceOf(LoginResult.Failed.class);
        assertThat(store.stored()).isEqualTo(existing);
        assertThat(server.revoked).isEmpty();
    }

    @Test
    void deviceLoginPollsAfterTheIntervalAndSlowsDownByFiveSeconds() {
        var store = new InMemorySessionStore(null);
        server.polls.add(new DevicePoll.Pending());
        server.polls.add(new DevicePoll.SlowDown());
        server.polls.add(new DevicePoll.TransportFailed("network"));
        server.polls.add(new DevicePoll.Granted(server.loginGrant()));

        LoginResult result = login(store).run(true, false, progress);

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7),
                Duration.ofSeconds(7));
        assertThat(progress.userCodes).containsExactly("ABCD-1234");
        assertThat(store.stored().authMethod()).isEqualTo("device_code");
    }

    @Test
    void deviceLoginUsesALongServerIntervalAndEverySlowDownWithoutACap() {
        var store = new InMemorySessionStore(null);
        server.deviceInterval = 12;
        server.deviceExpiresIn = 120;
        server.polls.add(new DevicePoll.Pending());
        server.polls.add(new DevicePoll.SlowDown());
        server.polls.add(new DevicePoll.SlowDown());
        server.polls.add(new DevicePoll.Pending());
        server.polls.add(new DevicePoll.Granted(server.loginGrant()));

        LoginResult result = login(store).run(true, false, progress);

        assertThat(result).isInstanceOf(LoginResult.LoggedIn.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(12), Duration.ofSeconds(12), Duration.ofSeconds(17),
                Duration.ofSeconds(22), Duration.ofSeconds(22));
    }

    @Test
    void deviceLoginKeepsPollingUntilTheCodeExpiresAtTheServersInterval() {
        var store = new InMemorySessionStore(null);
        server.deviceInterval = 12;
        server.deviceExpiresIn = 30;

        LoginResult result = login(store).run(true, false, progress);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.message()).contains("expired after 30 seconds"));
        assertThat(server.devicePolls).isEqualTo(3); // at 12, 24 and 36 s: the last sleep began before the expiry
        assertThat(sleeps).containsOnly(Duration.ofSeconds(12));
    }

    @Test
    void deviceCodeExpiresLocally() {
        var store = new InMemorySessionStore(null);
        server.deviceExpiresIn = 10;
        for (int i = 0; i < 100; i++) {
            server.polls.add(new DevicePoll.Pending());
        }

        LoginResult result = login(store).run(true, false, progress);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Failed.class,
                failed -> assertThat(failed.message()).contains("expired after 10 seconds"));
        assertThat(store.stored()).isNull();
    }

    @Test
    void deviceCodeFormatting() {
        assertThat(DeviceLogin.formatUserCode("ABCD1234")).isEqualTo("ABCD-1234");
        assertThat(DeviceLogin.formatUserCode("ABCD12345678")).isEqualTo("ABCD-1234-5678");
        assertThat(DeviceLogin.formatUserCode("AB-C")).isEqualTo("ABC");
    }

    @Test
    void logoutRevokesThenDeletesAndStillDeletesWhenRevokeFails() {
        var store = new InMemorySessionStore(Fixtures.session("at_1", "rt_1", Duration.ofMinutes(5), List.of(PRIVATE)));
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(directory), clock);
        server.revokeOutcome = RevokeOutcome.NETWORK_ERROR;

        LogoutResult result = new Logout(sessions, new RefreshGate(new FakeRefreshLock()), () -> Optional.of(server)).run(true);

        assertThat(result.revoke()).isEqualTo(RevokeOutcome.NETWORK_ERROR);
        assertThat(result.loggedOut()).isTrue();
        assertThat(store.stored()).isNull();
        assertThat(server.revoked).containsExactly("rt_1");
        assertThat(new Logout(sessions, new RefreshGate(new FakeRefreshLock()), () -> Optional.of(server)).run(true).wasLoggedIn()).isFalse();
    }

    @Test
    void logoutRevokesTheTokenStoredNowNotTheOneLoadedEarlier() {
        var store = new InMemorySessionStore(Fixtures.session("at_1", "rt_1", Duration.ofMinutes(5), List.of(PRIVATE)));
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(directory), clock);
        sessions.current(); // loaded rt_1; then another process's refresh rotates it under the lock
        store.write(Fixtures.session("at_2", "rt_2", Duration.ofMinutes(5), List.of(PRIVATE)));

        LogoutResult result = new Logout(sessions, new RefreshGate(new FakeRefreshLock()), () -> Optional.of(server)).run(true);

        assertThat(result.lockNote()).isNull();
        assertThat(server.revoked).containsExactly("rt_2");
        assertThat(store.stored()).isNull();
    }

    @Test
    void logoutStillDeletesLocallyWhenTheRefreshLockStaysHeldAndSaysSo() {
        var store = new InMemorySessionStore(Fixtures.session("at_1", "rt_1", Duration.ofMinutes(5), List.of(PRIVATE)));
        SessionManager sessions = new SessionManager(store, null, new MembershipRehydration(directory), clock);
        FakeRefreshLock held = new FakeRefreshLock();
        held.holdElsewhere();

        LogoutResult result = new Logout(sessions, new RefreshGate(held), () -> Optional.of(server)).run(true);

        assertThat(result.loggedOut()).isTrue();
        assertThat(result.lockNote()).isEqualTo(RefreshGate.WAITED_OUT);
        assertThat(store.stored()).isNull();
        assertThat(server.revoked).containsExactly("rt_1");
    }

    private static final class RecordingProgress implements LoginProgress {
        final List<String> urls = new ArrayList<>();
        final List<String> userCodes = new ArrayList<>();

        @Override
        public void browserLogin(String authorizeUrl, boolean opened) {
            urls.add(authorizeUrl);
        }

        @Override
        public void deviceCode(String userCode, String uri, String complete, Duration validFor) {
            userCodes.add(userCode);
        }

        @Override
        public void waiting(Duration remaining) {}
    }

    private static final class FakeServer implements AuthorizationServer {
        AuthorizationRequest lastRequest;
        String exchangedCode;
        int exchanges;
        final Deque<DevicePoll> polls = new ArrayDeque<>();
        final List<String> revoked = new ArrayList<>();
        RevokeOutcome revokeOutcome = RevokeOutcome.REVOKED;
        long deviceExpiresIn = 60;
        long deviceInterval = 2;
        int devicePolls;

        TokenGrant grant = new TokenGrant(Secret.of("at_login"), Secret.of("rt_login"), 900L, null, 2_592_000L,
                "offline_access", "sess_new", null);

        TokenGrant loginGrant() {
            return grant;
        }

        @Override
        public String authorizationUrl(AuthorizationRequest request) {
            lastRequest = request;
            return "https://as.example/authorize?state=…";
        }

        @Override
        public boolean discovered() {
            return false;
        }

        @Override
        public DeviceAuthorization requestDeviceAuthorization() {
            return new DeviceAuthorization(Secret.of("dc_SENTINEL"), "ABCD1234", "https://as.example/device", null, deviceExpiresIn,
                    deviceInterval);
        }

        @Override
        public DevicePoll pollDeviceToken(Secret deviceCode) {
            devicePolls++;
            return polls.isEmpty() ? new DevicePoll.Pending() : polls.poll();
        }

        @Override
        public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
            exchanges++;
            exchangedCode = code.reveal();
            return loginGrant();
        }

        @Override
        public RefreshResult refresh(Secret refreshToken) {
            return new RefreshResult.Failed("not scripted", 500);
        }

        @Override
        public RevokeOutcome revoke(Secret refreshToken) {
            revoked.add(refreshToken.reveal());
            return revokeOutcome;
        }
    }
}
