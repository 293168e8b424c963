package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Environment, paths and time: the inputs every other bean is built from. */
@Configuration(proxyBeanMethods = false)
public class RuntimeConfiguration {

    @Bean
    RuntimeEnvironment runtimeEnvironment() {
        return RuntimeEnvironment.system();
    }

    @Bean
    RuntimePaths runtimePaths(RuntimeEnvironment environment) {
        return RuntimePaths.of(environment);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
