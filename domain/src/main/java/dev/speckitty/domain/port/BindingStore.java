package dev.speckitty.domain.port;

import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import java.util.Optional;

/**
 * The repository the CLI runs in: its project root (the nearest directory with {@code .kittify/}),
 * {@code .kittify/config.yaml} and git origin. Reading never creates or rewrites anything; only
 * an explicit bind or unbind writes, and it keeps every other key (and comments, where possible).
 */
public interface BindingStore {

    /** Empty when there is no project root. Never writes. */
    Optional<TeamspaceBinding> read();

    /** Write {@code teamspace:}; fails when there is no project root. */
    void bindTeamspace(String teamspace);

    /** Remove {@code teamspace:}; a no-op when absent. */
    void unbindTeamspace();

    /**
     * The git repository around the working directory when it is not a spec-kitty project yet
     * ({@code git init} done, no {@code .kittify/}): its root and, when it has one, its origin's
     * {@code owner/repo}. Empty inside a project or outside any git repository. Never writes.
     */
    Optional<NewProjectSite> newProjectSite();

    /**
     * Makes the repository of {@link #newProjectSite()} a spec-kitty project: creates
     * {@code .kittify/config.yaml} with {@code project: {uuid, slug}}. Fails when there is no such site.
     */
    void createProject(String projectUuid, String projectSlug);

    /** Where a new project would be created. */
    record NewProjectSite(String repositoryRoot, Optional<String> originRepoSlug) {}

    /** Write {@code tracker:}; fails when there is no project root. */
    void bindTracker(TrackerBinding tracker);
}
