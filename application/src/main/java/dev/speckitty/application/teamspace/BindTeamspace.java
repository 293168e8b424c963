package dev.speckitty.application.teamspace;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.port.BindingStore.NewProjectSite;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code teamspace bind HANDLE}: writes {@code teamspace:}; a git repository that is not a
 * spec-kitty project yet first becomes one, with a new project identity.
 */
public final class BindTeamspace {

    /** How the bind went. */
    public sealed interface Result {

        /** @param created the project made for it, when the repository was not one yet */
        record Bound(String teamspace, Optional<CreatedProject> created) implements Result {}

        /** Neither inside a project nor inside a git repository: nothing written. */
        record NoRepository() implements Result {}

        /** The project could not be found after creating it: nothing bound. */
        record NotInAProject() implements Result {}
    }

    /** A project made by this bind, at {@code repositoryRoot}. */
    public record CreatedProject(String repositoryRoot, String slug, String uuid) {}

    private final BindingStore bindings;

    public BindTeamspace(BindingStore bindings) {
        this.bindings = bindings;
    }

    public Result bind(String teamspace) {
        Optional<CreatedProject> created = Optional.empty();
        if (bindings.read().isEmpty()) {
            Optional<NewProjectSite> site = bindings.newProjectSite();
            if (site.isEmpty()) {
                return new Result.NoRepository();
            }
            CreatedProject project = new CreatedProject(site.get().repositoryRoot(), ProjectSlug.of(site.get()),
                    UUID.randomUUID().toString());
            bindings.createProject(project.uuid(), project.slug());
            created = Optional.of(project);
            if (bindings.read().isEmpty()) {
                return new Result.NotInAProject();
            }
        }
        bindings.bindTeamspace(teamspace);
        return new Result.Bound(teamspace, created);
    }
}
