package dev.speckitty.shell.render;

import dev.speckitty.application.teamspace.BindTeamspace;
import dev.speckitty.application.teamspace.UnbindTeamspace;
import dev.speckitty.domain.text.UntrustedText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code teamspace bind} and {@code teamspace unbind} changed: a {@code +} or {@code i} line,
 * or {@code {"status", "teamspace"}}.
 */
public final class TeamspaceChangeView {

    private TeamspaceChangeView() {}

    /** {@code teamspace bind}: the project it created, if any, and the binding. */
    public static final class Bound implements View<BindTeamspace.Result.Bound> {
        @Override
        public void text(BindTeamspace.Result.Bound bound, PrintWriter out) {
            bound.created().ifPresent(project -> out.println("+ Created "
                    + Path.of(project.repositoryRoot(), ".kittify", "config.yaml")
                    + " (project " + project.slug() + ", " + project.uuid() + ")"));
            // the handle passed the command's pattern check: nothing in it to sanitise
            out.println("+ Bound to teamspace " + bound.teamspace());
        }

        @Override
        public Map<String, Object> json(BindTeamspace.Result.Bound bound) {
            return document("bound", bound.teamspace());
        }
    }

    /** {@code teamspace unbind}: what was unbound, or that nothing was. */
    public static final class Unbound implements View<UnbindTeamspace.Result> {
        @Override
        public void text(UnbindTeamspace.Result result, PrintWriter out) {
            out.println(result instanceof UnbindTeamspace.Result.Unbound unbound
                    ? "+ Unbound from teamspace " + UntrustedText.line(unbound.teamspace())
                    : "i No teamspace is bound.");
        }

        @Override
        public Map<String, Object> json(UnbindTeamspace.Result result) {
            return result instanceof UnbindTeamspace.Result.Unbound unbound
                    ? document("unbound", unbound.teamspace()) : document("not_bound", null);
        }
    }

    private static Map<String, Object> document(String status, String teamspace) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("teamspace", teamspace);
        return document;
    }
}
