package dev.speckitty.shell.config;

import dev.speckitty.adapters.hosted.browser.SystemBrowser;
import dev.speckitty.adapters.hosted.loopback.LoopbackCallbackServer;
import dev.speckitty.domain.port.AuthorizationCallbackListener;
import dev.speckitty.domain.port.Browser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hosted target and the hosted adapters; nothing here touches the network until used. */
@Configuration(proxyBeanMethods = false)
public class HostedConfiguration {

    @Bean
    MachineConfig machineConfig(RuntimePaths paths) {
        return new MachineConfig(paths.home().resolve("config.toml"));
    }

    @Bean
    HostedTarget hostedTarget(RuntimeEnvironment environment, MachineConfig machineConfig) {
        return new HostedTarget(environment, machineConfig);
    }

    @Bean
    HostedServices hostedServices(HostedTarget target, RuntimeEnvironment environment, WorkCounters counters) {
        return new HostedServices(target, environment, counters);
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
