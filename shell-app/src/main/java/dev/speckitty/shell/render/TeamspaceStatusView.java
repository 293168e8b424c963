package dev.speckitty.shell.render;

import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.application.teamspace.ShowTeamspace;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code teamspace status}: the binding and the project identity, one labelled line each. */
public final class TeamspaceStatusView implements View<ShowTeamspace.Overview> {

    private static final Map<Presence, String> SESSION_WORDS = Map.of(
            Presence.NOT_AUTHENTICATED, "not logged in; run spec-kitty auth login",
            Presence.REFRESH_EXPIRED, "the session expired; run spec-kitty auth login",
            Presence.UNREADABLE, "the session file cannot be used; run spec-kitty auth doctor",
            Presence.AUTHENTICATED, "logged in");

    @Override
    public void text(ShowTeamspace.Overview overview, PrintWriter out) {
        TeamspaceBinding binding = overview.binding();
        // every value comes from the repository (a clone's config.yaml, its directory name): one line each
        out.println("Project root:  " + UntrustedText.line(String.valueOf(binding.projectRoot())));
        out.println("Project:       " + project(binding));
        out.println("Teamspace:     " + UntrustedText.line(binding.boundTeamspace().orElse("(not bound)")));
        out.println("Repository:    " + UntrustedText.line(binding.repoSlug().orElse("(no origin)")));
        // The Teamspace this repository resolves to, and separately whether a session can reach it.
        out.println("Routes to:     " + UntrustedText.line(binding.connectedTeamspace().orElse("(none)")));
        out.println("Session:       " + SESSION_WORDS.get(overview.session()));
    }

    @Override
    public Map<String, Object> json(ShowTeamspace.Overview overview) {
        TeamspaceBinding binding = overview.binding();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("project_root", binding.projectRoot());
        document.put("project_uuid", binding.projectUuid());
        document.put("project_slug", binding.projectSlug());
        document.put("teamspace", binding.boundTeamspace().orElse(null));
        document.put("repo_slug", binding.repoSlug().orElse(null));
        document.put("connected_teamspace", binding.connectedTeamspace().orElse(null));
        document.put("tracker_bound", binding.configuredTracker().isPresent());
        document.put("session_state", overview.session().machineName());
        return document;
    }

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
