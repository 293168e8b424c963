package dev.speckitty.shell;

import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation;
import dev.speckitty.shell.config.PhaseTimer;
import dev.speckitty.shell.config.StderrLogging;
import dev.speckitty.shell.config.WorkCounters;
import dev.speckitty.shell.hardening.ProcessHardening;
import dev.speckitty.shell.runner.ExitCode;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point. A Spring Boot application without auto-configuration: every bean is declared in
 * {@code config/}. Spring Shell's auto-configuration would not fit (its runner beans carry no
 * missing-bean condition, its parser needs a value for every option, its registry bean touches
 * bean validation), and the others that applied (task executor and scheduler, SSL bundles, AOP,
 * availability, project info, lifecycle, configuration properties) served no bean of ours while
 * every one-shot paid for creating them (docs/performance.md). {@code ShellConfiguration} provides
 * the command registry and our runner; the process exits with the code the runner reports.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = {@Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class SpecKittyApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command (or the interactive shell without arguments) and returns its exit code. */
    static int run(String[] args) {
        PhaseTimer.mark("main");
        // First, beside start-up (the runner waits for it before any token is read); also in the
        // AOT training run, so the cache covers its native calls.
        ProcessHardening.start();
        // Warnings to stderr (config/StderrLogging), set before the first logger; Boot leaves logging alone.
        StderrLogging.configure();
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        Optional<SessionKeyDerivation> earlyKey = EarlySessionKey.startFor(args, RuntimeEnvironment.system());
        SpringApplication application = new CliSpringApplication();
        earlyKey.ifPresent(keys -> application.addInitializers(
                context -> context.getBeanFactory().registerSingleton("sessionKeyDerivation", keys)));
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (SpringApplication.AbandonedRunException buildTimeAotProcessing) {
            throw buildTimeAotProcessing; // Spring AOT processing (build time) ends the run after refresh on purpose
        } catch (RuntimeException startFailure) { // broad-catch: start-up failure becomes exit 2 without trace
            System.err.println("spec-kitty: could not start (" + startFailure.getClass().getSimpleName() + ")");
            return ExitCode.USAGE_OR_INTERNAL.code();
        }
        WorkCounters counters = context.getBean(WorkCounters.class);
        int exitCode = SpringApplication.exit(context);
        if (earlyKey.map(SessionKeyDerivation::discardUnusedEarlyKey).orElse(false)) {
            counters.keyDerived(); // derived early for a command that then decrypted nothing
        }
        PhaseTimer.mark("context_closed");
        PhaseTimer.threads();
        PhaseTimer.print(counters.refreshLockTimingLine());
        if ("1".equals(System.getenv(WorkCounters.ENABLE_VARIABLE))) {
            System.err.println(counters.line());
        }
        return exitCode;
    }
}
