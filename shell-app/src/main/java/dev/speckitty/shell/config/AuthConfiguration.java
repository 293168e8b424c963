package dev.speckitty.shell.config;

import dev.speckitty.application.auth.InspectLocalSession;
import dev.speckitty.domain.port.SessionStore;
import dev.speckitty.domain.port.SessionStore.StorageDescription;
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

    /** Label and location of the store; describing it reads nothing and derives no key. */
    @Bean
    StorageDescription sessionStorageDescription(SessionStore store) {
        return store.describe();
    }

    @Bean
    AuthStatusCommand authStatusCommand(InspectLocalSession inspect, StorageDescription storage, Clock clock) {
        return new AuthStatusCommand(inspect, storage, clock);
    }

    @Bean
    AuthWhoamiCommand authWhoamiCommand(InspectLocalSession inspect) {
        return new AuthWhoamiCommand(inspect);
    }
}
