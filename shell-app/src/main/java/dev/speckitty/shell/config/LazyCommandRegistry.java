package dev.speckitty.shell.config;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Spring Shell's command registry, filled on demand: every command bean is named after its command
 * ({@code @Bean("auth status")}), so running one command builds that bean and its collaborators
 * only. Spring Shell's own registry built every command, and with it most of the application's
 * beans, on every one-shot (docs/performance.md). Help, completion and suggestions ask for the
 * whole list, which then builds every command once.
 */
final class LazyCommandRegistry extends CommandRegistry {

    private final ListableBeanFactory beans;
    private volatile boolean complete;

    LazyCommandRegistry(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Nothing at start-up: commands are built when asked for. */
    @Override
    public void afterSingletonsInstantiated() {
        // Spring Shell's registry collects every Command bean here.
    }

    /**
     * The command of that name, built alone; null when no command bean has that name. Our commands
     * have no aliases (SpecKittyCommand), so a name that is no bean's is no command's: the runner
     * tries "teamspace bind acme/x" before "teamspace bind", and that miss builds nothing.
     */
    @Override
    public Command getCommandByName(String name) {
        if (complete) {
            return super.getCommandByName(name);
        }
        return beans.containsBean(name) && beans.isTypeMatch(name, Command.class)
                ? beans.getBean(name, Command.class) : null;
    }

    @Override
    public Set<Command> getCommands() {
        complete();
        return super.getCommands();
    }

    /** Builds and registers every command bean, once; a bean not named after its command is a wiring error. */
    private synchronized void complete() {
        if (!complete) {
            for (Map.Entry<String, Command> bean : beans.getBeansOfType(Command.class).entrySet()) {
                if (!bean.getKey().equals(bean.getValue().getName())) {
                    throw new IllegalStateException("The command bean '" + bean.getKey() + "' must be named '"
                            + bean.getValue().getName() + "' (@Bean(\"" + bean.getValue().getName() + "\")): "
                            + "the runner finds a command by its bean name");
                }
                registerCommand(bean.getValue());
            }
            complete = true;
        }
    }
}
