package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.settings.Interactivity;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.adapters.repository.YamlBindingStore;
import dev.speckitty.adapters.storage.queue.JacksonEventJson;
import dev.speckitty.adapters.storage.queue.SqliteEventQueue;
import dev.speckitty.application.login.Login;
import dev.speckitty.application.session.SessionManager;
import dev.speckitty.application.session.SessionPresence;
import dev.speckitty.application.sync.CheckSyncSetup;
import dev.speckitty.application.sync.ConnectedTeamspaceDetector;
import dev.speckitty.application.sync.EnqueueEvents;
import dev.speckitty.application.sync.LoggedOutRoute;
import dev.speckitty.application.sync.SyncNow;
import dev.speckitty.application.sync.SyncProgress;
import dev.speckitty.application.teamspace.BindTeamspace;
import dev.speckitty.application.teamspace.ShowTeamspace;
import dev.speckitty.application.teamspace.UnbindTeamspace;
import dev.speckitty.application.tracker.BindTracker;
import dev.speckitty.application.tracker.TrackerWorkflow;
import dev.speckitty.shell.command.tracker.TrackerCommands;
import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.EventQueue;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.shell.command.sync.DrainProgressLine;
import dev.speckitty.shell.command.sync.LoggedOutRecovery;
import dev.speckitty.shell.command.sync.SyncDoctorCommand;
import dev.speckitty.shell.command.sync.SyncEnqueueCommand;
import dev.speckitty.shell.command.sync.SyncNowCommand;
import dev.speckitty.shell.command.sync.SyncStatusCommand;
import dev.speckitty.shell.command.teamspace.TeamspaceCommands;
import dev.speckitty.shell.runner.TerminalStreams;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Teamspace binding, the local event queue, sync and the logged-out recovery. */
@Configuration(proxyBeanMethods = false)
public class SyncConfiguration {

    @Bean(destroyMethod = "close")
    SqliteEventQueue eventQueue(RuntimePaths paths, Clock clock) {
        return SqliteEventQueue.inHome(paths.home(), clock);
    }

    @Bean
    BindingStore bindingStore() {
        return new YamlBindingStore(Path.of("").toAbsolutePath(), System.getenv());
    }

    @Bean
    Interactivity interactivity(RuntimeEnvironment environment) {
        return new Interactivity(environment, System.console() != null);
    }

    @Bean
    ConnectedTeamspaceDetector connectedTeamspaceDetector(SessionPresence presence, SessionManager sessions,
            BindingStore bindings) {
        return new ConnectedTeamspaceDetector(presence, sessions, bindings);
    }

    @Bean
    LoggedOutRecovery loggedOutRecovery(ConnectedTeamspaceDetector detector, SessionPresence presence,
            Interactivity interactivity, ObjectProvider<Login> login, TerminalStreams streams) {
        LoggedOutRoute route = new LoggedOutRoute(detector, presence, interactivity::interactive);
        return new LoggedOutRecovery(route, login::getObject, streams.conversation(), streams.err(), streams.in());
    }

    @Bean("sync now")
    SyncNowCommand syncNowCommand(EventQueue queue, EventIngress ingress, SessionManager sessions,
            Interactivity interactivity, LoggedOutRecovery recovery, TerminalStreams streams, Clock clock) {
        SyncNow syncNow = new SyncNow(queue, ingress, sessions, line -> {
            streams.err().println(line);
            streams.err().flush();
        });
        // A progress line only where a person watches: stderr of a terminal session.
        SyncProgress progress = System.console() != null ? new DrainProgressLine(streams.err()) : SyncProgress.NONE;
        return new SyncNowCommand(syncNow, interactivity, recovery, clock, progress);
    }

    @Bean("sync enqueue")
    SyncEnqueueCommand syncEnqueueCommand(EventQueue queue, TerminalStreams streams, Clock clock) {
        return new SyncEnqueueCommand(new EnqueueEvents(queue, new JacksonEventJson(), clock), streams::in);
    }

    @Bean
    CheckSyncSetup checkSyncSetup(EventQueue queue, SessionPresence presence, HostedHealth health,
            Interactivity interactivity, HostedTarget target) {
        return new CheckSyncSetup(queue, presence, health, interactivity::saasSyncEnabled, target::baseUrl);
    }

    @Bean("sync status")
    SyncStatusCommand syncStatusCommand(CheckSyncSetup checkSyncSetup, LoggedOutRecovery recovery) {
        return new SyncStatusCommand(checkSyncSetup, recovery);
    }

    @Bean("sync doctor")
    SyncDoctorCommand syncDoctorCommand(CheckSyncSetup checkSyncSetup, LoggedOutRecovery recovery) {
        return new SyncDoctorCommand(checkSyncSetup, recovery);
    }

    @Bean
    TrackerWorkflow trackerWorkflow(SessionPresence presence, SessionManager sessions, BindingStore bindings,
            TrackerService tracker, HostedHealth health) {
        return new TrackerWorkflow(presence, sessions, bindings, tracker, health);
    }

    @Bean("tracker bind")
    TrackerCommands.Bind trackerBindCommand(BindingStore bindings) {
        return new TrackerCommands.Bind(new BindTracker(bindings));
    }

    @Bean("tracker status")
    TrackerCommands.Call trackerStatusCommand(TrackerWorkflow workflow, HostedTarget target,
            Interactivity interactivity, LoggedOutRecovery recovery) {
        return new TrackerCommands.Call(false, workflow, target, interactivity, recovery);
    }

    @Bean("tracker pull")
    TrackerCommands.Call trackerPullCommand(TrackerWorkflow workflow, HostedTarget target,
            Interactivity interactivity, LoggedOutRecovery recovery) {
        return new TrackerCommands.Call(true, workflow, target, interactivity, recovery);
    }

    @Bean("teamspace status")
    TeamspaceCommands.Status teamspaceStatusCommand(BindingStore bindings, SessionPresence presence) {
        return new TeamspaceCommands.Status(new ShowTeamspace(bindings, presence));
    }

    @Bean("teamspace bind")
    TeamspaceCommands.Bind teamspaceBindCommand(BindingStore bindings) {
        return new TeamspaceCommands.Bind(new BindTeamspace(bindings));
    }

    @Bean("teamspace unbind")
    TeamspaceCommands.Unbind teamspaceUnbindCommand(BindingStore bindings) {
        return new TeamspaceCommands.Unbind(new UnbindTeamspace(bindings));
    }
}
