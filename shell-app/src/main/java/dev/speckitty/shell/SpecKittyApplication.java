package dev.speckitty.shell;

import dev.speckitty.shell.runner.ExitCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. Spring Shell's own runner configuration is excluded: {@code ShellConfiguration}
 * installs ours, and the process exits with the code it reports.
 */
@SpringBootApplication(excludeName = "org.springframework.shell.core.autoconfigure.ShellRunnerAutoConfiguration")
public class SpecKittyApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SpecKittyApplication.class);
        // Our arguments are commands, not Spring properties: "--json" must not become configuration.
        application.setAddCommandLineProperties(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException startFailure) { // broad-catch: start-up failure becomes exit 2 without trace
            System.err.println("spec-kitty: could not start (" + startFailure.getClass().getSimpleName() + ")");
            System.exit(ExitCode.USAGE_OR_INTERNAL.code());
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
