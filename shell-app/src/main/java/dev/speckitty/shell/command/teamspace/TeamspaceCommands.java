package dev.speckitty.shell.command.teamspace;

import dev.speckitty.application.teamspace.BindTeamspace;
import dev.speckitty.application.teamspace.ShowTeamspace;
import dev.speckitty.application.teamspace.UnbindTeamspace;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.Outcome;
import dev.speckitty.shell.command.ResultCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.TeamspaceChangeView;
import dev.speckitty.shell.render.TeamspaceStatusView;
import java.util.List;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;

/**
 * {@code teamspace status|bind|unbind}: the repository's Teamspace binding in
 * {@code .kittify/config.yaml}. Only bind and unbind ever write the file.
 */
public final class TeamspaceCommands {

    static final String GROUP = "Teamspace";
    static final String NO_PROJECT = "Not inside a spec-kitty project (no .kittify/ directory here or above).";

    private TeamspaceCommands() {}

    static CommandFailedException notInAProject() {
        return CommandFailedException.coded("not_in_a_project", NO_PROJECT,
                "  Run this from your repository; in a git repository, spec-kitty teamspace bind TEAMSPACE makes it a "
                        + "spec-kitty project.");
    }

    /** {@code teamspace status [--json]}. */
    public static final class Status extends ResultCommand {
        private final ShowTeamspace showTeamspace;

        public Status(ShowTeamspace showTeamspace) {
            super("teamspace status", "Show this repository's Teamspace binding and project identity.", GROUP,
                    List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.showTeamspace = showTeamspace;
        }

        @Override
        public Outcome<ShowTeamspace.Overview> run(CommandContext context) {
            return Outcome.ok(showTeamspace.show().orElseThrow(TeamspaceCommands::notInAProject),
                    new TeamspaceStatusView());
        }
    }

    /** {@code teamspace bind SLUG}. */
    public static final class Bind extends ResultCommand {
        private final BindTeamspace bindTeamspace;

        public Bind(BindTeamspace bindTeamspace) {
            super("teamspace bind", "Bind this repository to a Teamspace (writes .kittify/config.yaml; a git repository without one becomes a spec-kitty project with a new identity).", GROUP,
                    List.of());
            this.bindTeamspace = bindTeamspace;
        }

        @Override
        public boolean acceptsArguments() {
            return true;
        }

        @Override
        public String argumentsSynopsis() {
            return "TEAMSPACE";
        }

        @Override
        public Outcome<BindTeamspace.Result.Bound> run(CommandContext context) {
            List<CommandArgument> arguments = context.parsedInput().arguments();
            if (arguments.size() != 1 || arguments.getFirst().value().isBlank()) {
                throw new UsageException("teamspace bind needs exactly one TEAMSPACE handle, e.g. acme/spec-kitty");
            }
            String handle = arguments.getFirst().value().strip();
            if (!handle.matches("[A-Za-z0-9._/-]{1,200}") || handle.startsWith("/") || handle.endsWith("/")) {
                throw new UsageException("'" + handle + "' is not a Teamspace handle (letters, digits, . _ - /)");
            }
            return switch (bindTeamspace.bind(handle)) {
                case BindTeamspace.Result.NoRepository none -> throw CommandFailedException.coded("not_in_a_project",
                        NO_PROJECT.replace(").", ") and not in a git repository."),
                        "  Run this from your repository (git init first for a new one).");
                case BindTeamspace.Result.NotInAProject lost -> throw notInAProject();
                case BindTeamspace.Result.Bound bound -> Outcome.ok(bound, new TeamspaceChangeView.Bound());
            };
        }
    }

    /** {@code teamspace unbind}. */
    public static final class Unbind extends ResultCommand {
        private final UnbindTeamspace unbindTeamspace;

        public Unbind(UnbindTeamspace unbindTeamspace) {
            super("teamspace unbind", "Remove this repository's Teamspace binding.", GROUP, List.of());
            this.unbindTeamspace = unbindTeamspace;
        }

        @Override
        public Outcome<UnbindTeamspace.Result> run(CommandContext context) {
            UnbindTeamspace.Result result = unbindTeamspace.unbind();
            if (result instanceof UnbindTeamspace.Result.NotInAProject) {
                throw notInAProject();
            }
            return Outcome.ok(result, new TeamspaceChangeView.Unbound());
        }
    }
}
