package dev.speckitty.shell.command.version;

import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import java.util.List;
import java.util.Set;
import org.springframework.shell.core.command.CommandContext;

/** {@code version [--json]}, also {@code --version} and {@code -V}: the build and the runtime it runs on. */
public final class VersionCommand extends ResultCommand {

    public static final String NAME = "version";
    /** The global flags that mean this command when they come first on the command line. */
    public static final Set<String> FLAGS = Set.of("--version", "-V");

    public VersionCommand() {
        // A built-in gets no --json from SpecKittyCommand: this one declares it, with its own help text.
        super(NAME, "Print the version, commit, build date and Java runtime", "Built-in",
                List.of(OptionSpecs.flag(OptionSpecs.JSON, "Print {version, commit, build_time, runtime} as JSON")));
    }

    @Override
    public Outcome<VersionInfo> run(CommandContext context) {
        return Outcome.ok(VersionInfo.current(), new VersionView());
    }
}
