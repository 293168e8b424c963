package dev.speckitty.application.teamspace;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A repository's binding in memory; {@code writes} records every write in order. */
public final class InMemoryBindingStore implements BindingStore {

    public TeamspaceBinding binding;
    public NewProjectSite site;
    public final List<String> writes = new ArrayList<>();

    public static InMemoryBindingStore project(String teamspace) {
        InMemoryBindingStore store = new InMemoryBindingStore();
        store.binding = new TeamspaceBinding("/work/repo", "uuid-1", "repo", null, null, teamspace, null);
        return store;
    }

    @Override
    public Optional<TeamspaceBinding> read() {
        return Optional.ofNullable(binding);
    }

    @Override
    public void bindTeamspace(String teamspace) {
        writes.add("teamspace=" + teamspace);
        binding = new TeamspaceBinding(binding.projectRoot(), binding.projectUuid(), binding.projectSlug(),
                binding.repoSlugOverride(), binding.originRepoSlug(), teamspace, binding.tracker());
    }

    @Override
    public void unbindTeamspace() {
        writes.add("unbind");
        bindTeamspace(null);
        writes.removeLast();
    }

    @Override
    public Optional<NewProjectSite> newProjectSite() {
        return binding == null ? Optional.ofNullable(site) : Optional.empty();
    }

    @Override
    public void createProject(String projectUuid, String projectSlug) {
        writes.add("project=" + projectSlug);
        binding = new TeamspaceBinding(site.repositoryRoot(), projectUuid, projectSlug, null,
                site.originRepoSlug().orElse(null), null, null);
    }

    @Override
    public void bindTracker(TrackerBinding tracker) {
        writes.add("tracker=" + tracker.provider());
        binding = new TeamspaceBinding(binding.projectRoot(), binding.projectUuid(), binding.projectSlug(),
                binding.repoSlugOverride(), binding.originRepoSlug(), binding.teamspace(), tracker);
    }
}
