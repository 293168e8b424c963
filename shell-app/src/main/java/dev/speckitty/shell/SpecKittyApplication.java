package dev.speckitty.shell;

import dev.speckitty.shell.config.WorkCounters;
import dev.speckitty.shell.hardening.ProcessHardening;
import dev.speckitty.shell.runner.ExitCode;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. Spring Shell's auto-configuration is excluded as a whole: its runner beans carry no
 * missing-bean condition (they would not back off for ours), its parser needs a value for every
 * option, and its registry bean touches bean validation. {@code ShellConfiguration} provides the
 * command registry and our runner; the process exits with the code the runner reports.
 */
@SpringBootApplication(excludeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
public class SpecKittyApplication {

    public static void main(String[] args) {
        ProcessHardening.start(); // first: beside start-up; the runner waits for it before any token is read
        SpringApplication application = new SpringApplication(SpecKittyApplication.class);
        // Our arguments are commands, not Spring properties: "--json" must not become configuration.
        application.setAddCommandLineProperties(false);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (SpringApplication.AbandonedRunException buildTimeAotProcessing) {
            throw buildTimeAotProcessing; // Spring AOT processing (build time) ends the run after refresh on purpose
        } catch (RuntimeException startFailure) { // broad-catch: start-up failure becomes exit 2 without trace
            System.err.println("spec-kitty: could not start (" + startFailure.getClass().getSimpleName() + ")");
            System.exit(ExitCode.USAGE_OR_INTERNAL.code());
            return;
        }
        WorkCounters counters = context.getBean(WorkCounters.class);
        int exitCode = SpringApplication.exit(context);
        if ("1".equals(System.getenv(WorkCounters.ENABLE_VARIABLE))) {
            System.err.println(counters.line());
        }
        System.exit(exitCode);
    }
}
