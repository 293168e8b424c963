package dev.speckitty.shell.command.teamspace;

import dev.speckitty.application.auth.SessionPresence.Presence;
import dev.speckitty.application.teamspace.BindTeamspace;
import dev.speckitty.application.teamspace.ShowTeamspace;
import dev.speckitty.application.teamspace.UnbindTeamspace;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.command.CommandFailedException;
import dev.speckitty.shell.command.OptionSpecs;
import dev.speckitty.shell.command.ParsedOptions;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.command.UsageException;
import dev.speckitty.shell.render.JsonOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    static CommandFailedException notInAProject() {
        return CommandFailedException.coded("not_in_a_project", NO_PROJECT,
                "  Run this from your repository; in a git repository, spec-kitty teamspace bind TEAMSPACE makes it a "
                        + "spec-kitty project.");
    }

    /** {@code teamspace status [--json]}. */
    public static final class Status extends SpecKittyCommand {
        private final ShowTeamspace showTeamspace;

        public Status(ShowTeamspace showTeamspace) {
            super("teamspace status", "Show this repository's Teamspace binding and project identity.", GROUP,
                    List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.showTeamspace = showTeamspace;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            ShowTeamspace.Overview overview = showTeamspace.show().orElseThrow(TeamspaceCommands::notInAProject);
            TeamspaceBinding binding = overview.binding();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("project_root", binding.projectRoot());
            document.put("project_uuid", binding.projectUuid());
            document.put("project_slug", binding.projectSlug());
            document.put("teamspace", binding.boundTeamspace().orElse(null));
            document.put("repo_slug", binding.repoSlug().orElse(null));
            document.put("connected_teamspace", binding.connectedTeamspace().orElse(null));
            document.put("tracker_bound", binding.configuredTracker().isPresent());
            Presence session = overview.session();
            document.put("session_state", session.machineName());
            PrintWriter out = context.outputWriter();
            if (ParsedOptions.flag(context, "json")) {
                JsonOutput.print(out, document);
                return ExitStatus.OK;
            }
            // every value comes from the repository (a clone's config.yaml, its directory name): one line each
            out.println("Project root:  " + UntrustedText.line(String.valueOf(binding.projectRoot())));
            out.println("Project:       " + project(binding));
            out.println("Teamspace:     " + UntrustedText.line(binding.boundTeamspace().orElse("(not bound)")));
            out.println("Repository:    " + UntrustedText.line(binding.repoSlug().orElse("(no origin)")));
            // The Teamspace this repository resolves to, and separately whether a session can reach it.
            out.println("Routes to:     " + UntrustedText.line(binding.connectedTeamspace().orElse("(none)")));
            out.println("Session:       " + SESSION_WORDS.get(session));
            return ExitStatus.OK;
        }
    }

    /** {@code teamspace bind SLUG}. */
    public static final class Bind extends SpecKittyCommand {
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
        public ExitStatus execute(CommandContext context) {
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
                case BindTeamspace.Result.Bound bound -> {
                    if (!ParsedOptions.flag(context, OptionSpecs.JSON)) {
                        bound.created().ifPresent(project -> context.outputWriter().println("+ Created "
                                + Path.of(project.repositoryRoot(), ".kittify", "config.yaml")
                                + " (project " + project.slug() + ", " + project.uuid() + ")"));
                    }
                    report(context, "bound", handle, "+ Bound to teamspace " + handle);
                    yield ExitStatus.OK;
                }
            };
        }
    }

    /** {@code teamspace unbind}. */
    public static final class Unbind extends SpecKittyCommand {
        private final UnbindTeamspace unbindTeamspace;

        public Unbind(UnbindTeamspace unbindTeamspace) {
            super("teamspace unbind", "Remove this repository's Teamspace binding.", GROUP, List.of());
            this.unbindTeamspace = unbindTeamspace;
        }

        @Override
        public ExitStatus execute(CommandContext context) {
            switch (unbindTeamspace.unbind()) {
                case UnbindTeamspace.Result.NotInAProject none -> throw notInAProject();
                case UnbindTeamspace.Result.NotBound none -> report(context, "not_bound", null, "i No teamspace is bound.");
                case UnbindTeamspace.Result.Unbound unbound -> report(context, "unbound", unbound.teamspace(),
                        "+ Unbound from teamspace " + UntrustedText.line(unbound.teamspace()));
            }
            return ExitStatus.OK;
        }
    }

    /** {@code {"status", "teamspace"}} with --json, else the human line. */
    private static void report(CommandContext context, String status, String teamspace, String line) {
        if (ParsedOptions.flag(context, OptionSpecs.JSON)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", status);
            document.put("teamspace", teamspace);
            JsonOutput.print(context.outputWriter(), document);
        } else {
            context.outputWriter().println(line);
        }
    }

    private static final Map<Presence, String> SESSION_WORDS = Map.of(
            Presence.NOT_AUTHENTICATED, "not logged in; run spec-kitty auth login",
            Presence.REFRESH_EXPIRED, "the session expired; run spec-kitty auth login",
            Presence.UNREADABLE, "the session file cannot be used; run spec-kitty auth doctor",
            Presence.AUTHENTICATED, "logged in");

    /** {@code slug (uuid)}, or what is missing in the user's terms. */
    private static String project(TeamspaceBinding binding) {
        boolean slug = present(binding.projectSlug());
        boolean uuid = present(binding.projectUuid());
        if (!slug && !uuid) {
            return "(no project identity in .kittify/config.yaml)";
        }
        String slugText = UntrustedText.line(String.valueOf(binding.projectSlug()));
        String uuidText = UntrustedText.line(String.valueOf(binding.projectUuid()));
        return slug && uuid ? slugText + " (" + uuidText + ")" : slug ? slugText + " (no uuid)" : uuidText;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
