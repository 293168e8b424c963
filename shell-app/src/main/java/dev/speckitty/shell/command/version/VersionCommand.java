package dev.speckitty.shell.command.version;

import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.render.JsonOutput;
import java.util.List;
import java.util.Set;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/** {@code version [--json]}, also {@code --version} and {@code -V}: the build and the runtime it runs on. */
public final class VersionCommand extends SpecKittyCommand {

    public static final String NAME = "version";
    /** The global flags that mean this command when they come first on the command line. */
    public static final Set<String> FLAGS = Set.of("--version", "-V");
    private static final String JSON = "json";

    public VersionCommand() {
        super(NAME, "Print the version, commit, build date and Java runtime", "Built-in",
                List.of(OptionSpecs.flag(JSON, "Print {version, commit, build_time, runtime} as JSON")));
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        VersionInfo info = VersionInfo.current();
        if (ParsedOptions.flag(context, JSON)) {
            JsonOutput.print(context.outputWriter(), info.json());
        } else {
            context.outputWriter().print(info.text());
            context.outputWriter().flush();
        }
        return ExitStatus.OK;
    }
}
