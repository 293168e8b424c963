package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.shell.settings.CliVersion;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.session.health.FileStorageHealth;
import dev.speckitty.adapters.storage.session.lock.FileRefreshLock;
import dev.speckitty.adapters.storage.queue.SqliteEventQueue;
import dev.speckitty.application.session.AuthDoctor;
import dev.speckitty.application.session.InspectLocalSession;
import dev.speckitty.application.login.Login;
import dev.speckitty.application.login.Logout;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.application.session.MembershipRehydration;
import dev.speckitty.application.login.RefreshGate;
import dev.speckitty.application.session.RefreshTransaction;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.login.Sleeper;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.domain.port.RefreshLock;
import dev.speckitty.shell.command.auth.AuthDoctorCommand;
import dev.speckitty.shell.command.auth.AuthLoginCommand;
import dev.speckitty.shell.command.auth.AuthLogoutCommand;
import dev.speckitty.shell.command.auth.AuthRefreshCommand;
import dev.speckitty.shell.runner.TerminalStreams;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.shell.command.auth.AuthStatusCommand;
import dev.speckitty.shell.command.auth.AuthWhoamiCommand;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Auth use cases and commands, wired over the session store port. */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    @Bean
    InspectLocalSession inspectLocalSession(SessionStore store, Clock clock) {
        return new InspectLocalSession(store, clock);
    }

    @Bean("auth status")
    AuthStatusCommand authStatusCommand(InspectLocalSession inspect, SessionPresence presence, Clock clock) {
        return new AuthStatusCommand(inspect, presence, clock);
    }

    @Bean("auth whoami")
    AuthWhoamiCommand authWhoamiCommand(InspectLocalSession inspect) {
        return new AuthWhoamiCommand(inspect);
    }

    @Bean
    RefreshLock refreshLock(RuntimePaths paths, Clock clock, WorkCounters counters) {
        FileRefreshLock lock = new FileRefreshLock(paths.authDirectory(), clock, MachinePassphrase.hostname(), CliVersion.current());
        counters.refreshLock(lock::totalWaitedMillis, lock::totalHeldMillis);
        return lock;
    }

    @Bean
    SessionPresence sessionPresence(SessionHotPath hotPath, SessionManager sessions, Clock clock) {
        return new SessionPresence(hotPath, sessions, clock);
    }

    @Bean
    SessionManager sessionManager(SessionStore store, RefreshLock lock, AuthorizationServer server,
            MembershipDirectory directory, Clock clock) {
        return new SessionManager(store, new RefreshTransaction(store, lock, server, clock),
                new MembershipRehydration(directory), clock);
    }

    /** The wait between device-flow polls: an edge like the clock, so tests can pass time instead. */
    @Bean
    Sleeper sleeper() {
        return Sleeper.REAL;
    }

    @Bean
    Login login(SessionManager sessions, RefreshLock lock, AuthorizationServer server, MembershipDirectory directory,
            AuthorizationCallbackListener callbacks, Browser browser, Clock clock, Sleeper sleeper) {
        return new Login(sessions, new RefreshGate(lock), server, directory, callbacks, browser, clock, sleeper);
    }

    @Bean("auth login")
    AuthLoginCommand authLoginCommand(Login login, HostedTarget target, TerminalStreams streams) {
        return new AuthLoginCommand(login, target, streams.conversation(), streams.err(), System.console() != null);
    }

    @Bean("auth logout")
    AuthLogoutCommand authLogoutCommand(SessionManager sessions, RefreshLock lock, HostedTarget target,
            AuthorizationServer server) {
        Logout logout = new Logout(sessions, new RefreshGate(lock), () -> target.ifConfigured(server));
        return new AuthLogoutCommand(logout);
    }

    @Bean("auth refresh")
    AuthRefreshCommand authRefreshCommand(SessionManager sessions, Clock clock) {
        return new AuthRefreshCommand(sessions, clock);
    }

    @Bean("auth doctor")
    AuthDoctorCommand authDoctorCommand(SessionManager sessions, SessionStore store, RefreshLock lock,
            RuntimePaths paths, HostedTarget target, SessionStatusProbe probe, Clock clock) {
        AuthDoctor doctor = new AuthDoctor(sessions, store, lock, new FileStorageHealth(paths.authDirectory(),
                paths.home().resolve(SqliteEventQueue.FILE_NAME)), clock,
                MachinePassphrase.hostname(), () -> target.ifConfigured(probe));
        return new AuthDoctorCommand(doctor);
    }
}
