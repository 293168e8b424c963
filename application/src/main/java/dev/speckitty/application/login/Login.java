package dev.speckitty.application.login;

import dev.speckitty.application.login.BrowserLogin.GrantOrFailure;
import dev.speckitty.application.login.LoginResult.Reason;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.session.AuthMethod;
import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code auth login}: browser or device flow, then identity, then one atomic write of the new
 * session. The old session stays in place until the new one is complete, so a failed or
 * interrupted login loses nothing; with {@code force} the old refresh token is revoked afterwards.
 */
public final class Login {

    private final SessionManager sessions;
    private final AuthorizationServer server;
    private final MembershipDirectory directory;
    private final BrowserLogin browserLogin;
    private final DeviceLogin deviceLogin;
    private final Clock clock;
    private final RefreshGate gate;

    public Login(SessionManager sessions, RefreshGate gate, AuthorizationServer server, MembershipDirectory directory,
            AuthorizationCallbackListener callbacks, Browser browser, Clock clock, Sleeper sleeper) {
        this.sessions = sessions;
        this.gate = gate;
        this.server = server;
        this.directory = directory;
        this.browserLogin = new BrowserLogin(server, callbacks, browser, clock, BrowserLogin.CALLBACK_TIMEOUT);
        this.deviceLogin = new DeviceLogin(server, clock, sleeper);
        this.clock = clock;
    }

    public LoginResult run(boolean headless, boolean force, LoginProgress progress) {
        Optional<StoredSession> existing;
        try {
            existing = sessions.current();
        } catch (SessionStorageException unreadable) {
            if (!force) {
                return new LoginResult.Failed(Reason.STORAGE_UNREADABLE, unreadable.getMessage()
                        + " Run `spec-kitty auth login --force` to replace it with a new session.");
            }
            existing = Optional.empty();
        }
        if (!force && existing.isPresent() && !existing.get().isRefreshTokenExpired(clock.instant())) {
            return new LoginResult.AlreadyLoggedIn(existing.get());
        }
        try {
            GrantOrFailure outcome = headless ? deviceLogin.obtainGrant(progress) : browserLogin.obtainGrant(progress);
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            AuthMethod method = headless ? AuthMethod.DEVICE_CODE : AuthMethod.AUTHORIZATION_CODE;
            Membership me = directory.fetch(outcome.grant().accessToken());
            StoredSession session = NewSession.from(outcome.grant(), me, method, clock.instant());
            return store(session, existing);
        } catch (AuthFlowException failure) {
            return new LoginResult.Failed(headless ? Reason.DEVICE_FLOW_FAILED : Reason.AUTHENTICATION_FAILED,
                    failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new LoginResult.Failed(Reason.INTERRUPTED, "Login cancelled by user.");
        }
    }

    /**
     * Writes the new session under the refresh lock, so a refresh in flight finishes first and the
     * token revoked is the one it rotated to (decision 15); the browser or device flow before it runs
     * without the lock, since it may take minutes.
     */
    private LoginResult store(StoredSession session, Optional<StoredSession> seenBefore) {
        try (RefreshGate.Passage passage = gate.enter()) {
            Optional<StoredSession> replaced = storedNowOr(seenBefore);
            try {
                sessions.replace(session);
            } catch (SessionStorageException unwritable) {
                return revokeUnsaved(session, unwritable);
            }
            replaced.filter(old -> !old.refreshToken().equals(session.refreshToken()))
                    .ifPresent(old -> server.revoke(old.refreshToken()));
            return new LoginResult.LoggedIn(session, passage.note());
        }
    }

    private Optional<StoredSession> storedNowOr(Optional<StoredSession> seenBefore) {
        try {
            return sessions.reload();
        } catch (SessionStorageException unreadable) {
            return seenBefore; // being replaced anyway (--force)
        }
    }

    /**
     * The server granted a session this machine cannot keep: revoke it (best effort) rather than
     * leave a live grant nobody holds, and say which happened.
     */
    private LoginResult revokeUnsaved(StoredSession unsaved, SessionStorageException unwritable) {
        RevokeOutcome revoked = server.revoke(unsaved.refreshToken());
        String grant = revoked == RevokeOutcome.REVOKED
                ? " The new sign-in was revoked at the server, so nothing is left behind."
                : " The new sign-in could not be revoked at the server (" + revoked.machineName()
                        + "); it expires on its own.";
        return new LoginResult.Failed(Reason.STORAGE_UNWRITABLE, "Could not save the new session: "
                + unwritable.getMessage() + grant + " Fix the problem above, then run `spec-kitty auth login` again.");
    }
}
