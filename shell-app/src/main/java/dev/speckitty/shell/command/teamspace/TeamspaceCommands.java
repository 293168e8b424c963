package dev.speckitty.shell.command.teamspace;

import dev.speckitty.application.auth.SessionPresence;
import dev.speckitty.application.auth.SessionPresence.Presence;
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
import java.nio.file.Path;
import java.util.UUID;
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
        return bindings.read().orElseThrow(() -> CommandFailedException.coded("not_in_a_project", NO_PROJECT,
                "  Run this from your repository; in a git repository, spec-kitty teamspace bind TEAMSPACE makes it a "
                        + "spec-kitty project."));
    }

    /** {@code teamspace status [--json]}. */
    public static final class Status extends SpecKittyCommand {
        private final BindingStore bindings;
        private final SessionPresence presence;

        public Status(BindingStore bindings, SessionPresence presence) {
            super("teamspace status", "Show this repository's Teamspace binding and project identity.", GROUP,
                    List.of(OptionSpecs.flag("json", "Print one JSON document")));
            this.bindings = bindings;
            this.presence = presence;
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
            Presence session = presence.check();
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
        private final BindingStore bindings;

        public Bind(BindingStore bindings) {
            super("teamspace bind", "Bind this repository to a Teamspace (writes .kittify/config.yaml; a git repository without one becomes a spec-kitty project with a new identity).", GROUP,
                    List.of());
            this.bindings = bindings;
        }

        @Override
        public boolean acceptsArguments() {
            return true;
        }

        /** A git repository that is not a spec-kitty project yet becomes one, with a new project identity. */
        private void createProject(CommandContext context) {
            BindingStore.NewProjectSite site = bindings.newProjectSite().orElseThrow(() -> CommandFailedException.coded(
                    "not_in_a_project", NO_PROJECT.replace(").", ") and not in a git repository."),
                    "  Run this from your repository (git init first for a new one)."));
            String slug = ProjectSlug.of(site);
            String uuid = UUID.randomUUID().toString();
            bindings.createProject(uuid, slug);
            PrintWriter human = ParsedOptions.flag(context, OptionSpecs.JSON) ? null : context.outputWriter();
            if (human != null) {
                human.println("+ Created " + Path.of(site.repositoryRoot(), ".kittify", "config.yaml")
                        + " (project " + slug + ", " + uuid + ")");
            }
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
            if (bindings.read().isEmpty()) {
                createProject(context);
            }
            require(bindings);
            bindings.bindTeamspace(handle);
            report(context, "bound", handle, "+ Bound to teamspace " + handle);
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
                report(context, "not_bound", null, "i No teamspace is bound.");
                return ExitStatus.OK;
            }
            bindings.unbindTeamspace();
            report(context, "unbound", binding.boundTeamspace().get(),
                    "+ Unbound from teamspace " + UntrustedText.line(binding.boundTeamspace().get()));
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
