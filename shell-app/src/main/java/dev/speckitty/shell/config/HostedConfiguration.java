package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.settings.MachineConfig;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.browser.SystemBrowser;
import dev.speckitty.adapters.hosted.connection.HostedConnection;
import dev.speckitty.adapters.hosted.connection.LazyAuthorizationServer;
import dev.speckitty.adapters.hosted.connection.LazyEventIngress;
import dev.speckitty.adapters.hosted.connection.LazyHostedHealth;
import dev.speckitty.adapters.hosted.connection.LazyMembershipDirectory;
import dev.speckitty.adapters.hosted.connection.LazySessionStatusProbe;
import dev.speckitty.adapters.hosted.connection.LazyTrackerService;
import dev.speckitty.adapters.hosted.counting.CountingAuthorizationServer;
import dev.speckitty.adapters.hosted.counting.CountingMembershipDirectory;
import dev.speckitty.adapters.hosted.loopback.LoopbackCallbackServer;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.Browser;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.port.TrackerService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hosted target and one bean per hosted port, all over one {@link HostedConnection}: nothing
 * here resolves the URL, builds an HTTP client or touches the network until a port is called.
 */
@Configuration(proxyBeanMethods = false)
public class HostedConfiguration {

    public static final String CLIENT_ID_VARIABLE = "SPEC_KITTY_CLIENT_ID";

    @Bean
    MachineConfig machineConfig(RuntimePaths paths) {
        return new MachineConfig(paths.home().resolve("config.toml"));
    }

    @Bean
    HostedTarget hostedTarget(RuntimeEnvironment environment, MachineConfig machineConfig) {
        return new HostedTarget(environment, machineConfig);
    }

    @Bean
    HostedConnection hostedConnection(HostedTarget target, RuntimeEnvironment environment) {
        return new HostedConnection(target::address,
                environment.get(CLIENT_ID_VARIABLE).orElse(HostedEndpoints.DEFAULT_CLIENT_ID));
    }

    @Bean
    AuthorizationServer authorizationServer(HostedConnection connection, WorkCounters counters) {
        return new CountingAuthorizationServer(new LazyAuthorizationServer(connection), counters);
    }

    @Bean
    MembershipDirectory membershipDirectory(HostedConnection connection, WorkCounters counters) {
        return new CountingMembershipDirectory(new LazyMembershipDirectory(connection), counters);
    }

    @Bean
    SessionStatusProbe sessionStatusProbe(HostedConnection connection) {
        return new LazySessionStatusProbe(connection);
    }

    @Bean
    EventIngress eventIngress(HostedConnection connection) {
        return new LazyEventIngress(connection);
    }

    @Bean
    TrackerService trackerService(HostedConnection connection) {
        return new LazyTrackerService(connection);
    }

    @Bean
    HostedHealth hostedHealth(HostedConnection connection) {
        return new LazyHostedHealth(connection);
    }

    @Bean
    AuthorizationCallbackListener authorizationCallbackListener() {
        return new LoopbackCallbackServer();
    }

    @Bean
    Browser browser() {
        return new SystemBrowser(System.getenv());
    }
}
