package dev.speckitty.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.shell.command.SpecKittyCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/** A one-shot builds the command it runs and nothing else; help and completion still see them all. */
class LazyCommandRegistryTest {

    private final List<String> built = new ArrayList<>();

    @Test
    void findingACommandByNameBuildsThatCommandOnly() {
        try (GenericApplicationContext context = contextWith("auth status", "auth status", "sync now", "sync now")) {
            LazyCommandRegistry registry = new LazyCommandRegistry(context);
            registry.afterSingletonsInstantiated();
            assertThat(built).isEmpty();

            assertThat(registry.getCommandByName("auth status extra-argument")).isNull();
            assertThat(built).as("a name no bean has builds nothing").isEmpty();
            assertThat(registry.getCommandByName("auth status").getName()).isEqualTo("auth status");
            assertThat(built).containsExactly("auth status");
        }
    }

    @Test
    void theWholeListBuildsEveryCommandOnceAndUnknownNamesAreNull() {
        try (GenericApplicationContext context = contextWith("auth status", "auth status", "sync now", "sync now")) {
            LazyCommandRegistry registry = new LazyCommandRegistry(context);

            assertThat(registry.getCommands()).extracting(Command::getName)
                    .containsExactlyInAnyOrder("auth status", "sync now");
            assertThat(registry.getCommandByName("auth")).isNull();
            assertThat(registry.getCommandByName("sync now").getName()).isEqualTo("sync now");
            assertThat(built).containsExactlyInAnyOrder("auth status", "sync now");
        }
    }

    @Test
    void aCommandBeanNotNamedAfterItsCommandIsAWiringError() {
        try (GenericApplicationContext context = contextWith("authStatusCommand", "auth status")) {
            LazyCommandRegistry registry = new LazyCommandRegistry(context);

            assertThatThrownBy(registry::getCommands).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'authStatusCommand' must be named 'auth status'");
        }
    }

    /** Bean name, command name, bean name, command name... each bean records when it is built. */
    private GenericApplicationContext contextWith(String... beanAndCommandNames) {
        GenericApplicationContext context = new GenericApplicationContext();
        for (int i = 0; i < beanAndCommandNames.length; i += 2) {
            String commandName = beanAndCommandNames[i + 1];
            context.registerBean(beanAndCommandNames[i], Command.class, () -> {
                built.add(commandName);
                return command(commandName);
            }, definition -> definition.setLazyInit(true));
        }
        context.refresh();
        return context;
    }

    private static Command command(String name) {
        return new SpecKittyCommand(name, "Does " + name + ".", "Test", List.of()) {
            @Override
            public ExitStatus execute(CommandContext context) {
                return ExitStatus.OK;
            }
        };
    }
}
