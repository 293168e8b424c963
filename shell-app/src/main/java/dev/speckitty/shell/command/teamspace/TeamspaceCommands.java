package dev.speckitty.shell.command.teamspace;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ExitStatus;

/**
 * {@code teamspace status|bind|unbind}: the repository's Teamspace binding in
 * {@code .kittify/config.yaml}. Only bind and unbind ever write the file.
 */
public final class TeamspaceCommands {

    static final String GROUP = "Teamspace";
    static final String NO_PROJECT = "Not inside a spec-kitty project (no .kittify/ directory here or above).";

    private TeamspaceCommands() {}

    static TeamspaceBinding require(BindingStore bindings) {
        return bindings.read().orElseThrow(() -> new CommandFailedException(NO_PROJECT,
                "  Run this from the repository, or set SPECIFY_REPO_ROOT."));
    }

    /** {@code teamspace status [--json]}. */
    public static final class Status extends SpecKittyCommand {
        private final BindingStore bindings;

        public Status(BindingStore bindings) {
            super("teamspace status", "Show this repository's Teamspace binding and project identity.", GROUP,
                    List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.bindings = bindings;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            TeamspaceBinding binding = require(bindings);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("project_root", binding.projectRoot());
            document.put("project_uuid", binding.projectUuid());
            document.put("project_slug", binding.projectSlug());
            document.put("teamspace", binding.boundTeamspace().orElse(null));
            document.put("repo_slug", binding.repoSlug().orElse(null));
            document.put("connected_teamspace", binding.connectedTeamspace().orElse(null));
            document.put("tracker_bound", binding.configuredTracker().isPresent());
            PrintWriter out = context.outputWriter();
            if (ParsedOptions.flag(context, "json")) {
                JsonOutput.print(out, document);
                return ExitStatus.OK;
            }
            // every value comes from the repository (a clone's config.yaml, its directory name): one line each
            out.println("Project root:  " + UntrustedText.line(String.valueOf(binding.projectRoot())));
            out.println("Project:       " + orNone(binding.projectSlug()) + " (" + orNone(binding.projectUuid()) + ")");
            out.println("Teamspace:     " + UntrustedText.line(binding.boundTeamspace().orElse("(not bound)")));
            out.println("Repository:    " + UntrustedText.line(binding.repoSlug().orElse("(no origin)")));
            out.println("Connected as:  " + UntrustedText.line(binding.connectedTeamspace().orElse("(none)")));
            return ExitStatus.OK;
        }
    }

    /** {@code teamspace bind SLUG}. */
    public static final class Bind extends SpecKittyCommand {
        private final BindingStore bindings;

        public Bind(BindingStore bindings) {
            super("teamspace bind", "Bind this repository to a Teamspace (writes .kittify/config.yaml).", GROUP,
                    List.of());
            this.bindings = bindings;
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
        public ExitStatus execute(CommandContext context) {
            List<CommandArgument> arguments = context.parsedInput().arguments();
            if (arguments.size() != 1 || arguments.getFirst().value().isBlank()) {
                throw new UsageException("teamspace bind needs exactly one TEAMSPACE handle, e.g. acme/spec-kitty");
            }
            String handle = arguments.getFirst().value().strip();
            if (!handle.matches("[A-Za-z0-9._/-]{1,200}") || handle.startsWith("/") || handle.endsWith("/")) {
                throw new UsageException("'" + handle + "' is not a Teamspace handle (letters, digits, . _ - /)");
            }
            require(bindings);
            bindings.bindTeamspace(handle);
            context.outputWriter().println("+ Bound to teamspace " + handle);
            return ExitStatus.OK;
        }
    }

    /** {@code teamspace unbind}. */
    public static final class Unbind extends SpecKittyCommand {
        private final BindingStore bindings;

        public Unbind(BindingStore bindings) {
            super("teamspace unbind", "Remove this repository's Teamspace binding.", GROUP, List.of());
            this.bindings = bindings;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            TeamspaceBinding binding = require(bindings);
            if (binding.boundTeamspace().isEmpty()) {
                context.outputWriter().println("i No teamspace is bound.");
                return ExitStatus.OK;
            }
            bindings.unbindTeamspace();
            context.outputWriter().println("+ Unbound from teamspace " + UntrustedText.line(binding.boundTeamspace().get()));
            return ExitStatus.OK;
        }
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : UntrustedText.line(value);
    }
}
