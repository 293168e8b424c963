package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.command.CompletionCommand;
import dev.speckitty.shell.command.HelpCommand;
import dev.speckitty.shell.command.version.VersionCommand;
import dev.speckitty.shell.runner.SpecKittyShellRunner;
import dev.speckitty.shell.runner.TerminalStreams;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The shell without Spring Shell's auto-configuration (see {@code SpecKittyApplication}): the
 * {@link CommandRegistry} builds a {@code Command} bean when it is asked for by name (every command
 * bean is named after its command, {@link LazyCommandRegistry}), and an application runner hands
 * the program arguments to our {@link SpecKittyShellRunner}.
 */
@Configuration(proxyBeanMethods = false)
public class ShellConfiguration {

    @Bean
    TerminalStreams terminalStreams() {
        return TerminalStreams.system();
    }

    @Bean
    CommandRegistry commandRegistry(ListableBeanFactory beans) {
        return new LazyCommandRegistry(beans);
    }

    @Bean("help")
    HelpCommand helpCommand() {
        return new HelpCommand();
    }

    @Bean("version")
    VersionCommand versionCommand() {
        return new VersionCommand();
    }

    @Bean("completion")
    CompletionCommand completionCommand() {
        return new CompletionCommand();
    }

    @Bean
    SpecKittyShellRunner specKittyShellRunner(CommandRegistry registry, TerminalStreams streams, RuntimePaths paths) {
        return new SpecKittyShellRunner(registry, streams, System.console() != null, paths.home());
    }

    @Bean
    ApplicationRunner specKittyApplicationRunner(SpecKittyShellRunner runner) {
        return arguments -> {
            PhaseTimer.mark("context_ready");
            runner.run(arguments.getSourceArgs());
            PhaseTimer.mark("command_done");
        };
    }

    @Bean
    ExitCodeGenerator specKittyExitCode(SpecKittyShellRunner runner) {
        return () -> runner.exitCode().code();
    }
}
