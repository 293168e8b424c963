package dev.speckitty.application.teamspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.session.FixedPresence;
import dev.speckitty.application.session.SessionPresence.Presence;
import dev.speckitty.domain.port.BindingStore.NewProjectSite;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** teamspace status, bind and unbind over an in-memory binding store. */
class TeamspaceUseCasesTest {

    private final InMemoryBindingStore store = new InMemoryBindingStore();

    @Test
    void showReadsTheBindingAndThePresenceAndWritesNothing() {
        InMemoryBindingStore project = InMemoryBindingStore.project("acme/team");

        ShowTeamspace.Overview overview = new ShowTeamspace(project, FixedPresence.of(Presence.REFRESH_EXPIRED))
                .show().orElseThrow();

        assertThat(overview.binding().boundTeamspace()).contains("acme/team");
        assertThat(overview.session()).isEqualTo(Presence.REFRESH_EXPIRED);
        assertThat(project.writes).isEmpty();
        assertThat(new ShowTeamspace(store, FixedPresence.of(Presence.AUTHENTICATED)).show()).isEmpty();
    }

    @Test
    void bindInsideAProjectWritesOnlyTheTeamspace() {
        InMemoryBindingStore project = InMemoryBindingStore.project(null);

        BindTeamspace.Result result = new BindTeamspace(project).bind("acme/team");

        assertThat(result).isEqualTo(new BindTeamspace.Result.Bound("acme/team", Optional.empty()));
        assertThat(project.writes).containsExactly("teamspace=acme/team");
    }

    @Test
    void bindInAGitRepositoryFirstMakesItAProjectNamedAfterItsOrigin() {
        store.site = new NewProjectSite("/home/dev/checkout", Optional.of("Acme/Spec Kitty!"));

        BindTeamspace.Result.Bound bound = (BindTeamspace.Result.Bound) new BindTeamspace(store).bind("acme/team");

        BindTeamspace.CreatedProject created = bound.created().orElseThrow();
        assertThat(created.repositoryRoot()).isEqualTo("/home/dev/checkout");
        assertThat(created.slug()).isEqualTo("spec-kitty");
        assertThat(created.uuid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(store.writes).containsExactly("project=spec-kitty", "teamspace=acme/team");
        assertThat(store.binding.projectUuid()).isEqualTo(created.uuid());
    }

    @Test
    void withoutAnOriginTheSlugIsTheDirectoryName() {
        assertThat(slug("/home/dev/My_Repo.v2/", null)).isEqualTo("my_repo.v2");
        assertThat(slug("/home/dev/--weird name--", null)).isEqualTo("weird-name");
        assertThat(slug("/", null)).isEqualTo("project");
        assertThat(slug("/home/dev/x", "acme/!!!")).isEqualTo("project");
    }

    @Test
    void bindOutsideAnyRepositoryWritesNothing() {
        assertThat(new BindTeamspace(store).bind("acme/team")).isInstanceOf(BindTeamspace.Result.NoRepository.class);
        assertThat(store.writes).isEmpty();
    }

    @Test
    void unbindRemovesTheTeamspaceAndNamesIt() {
        InMemoryBindingStore project = InMemoryBindingStore.project("acme/team");
        UnbindTeamspace unbind = new UnbindTeamspace(project);

        assertThat(unbind.unbind()).isEqualTo(new UnbindTeamspace.Result.Unbound("acme/team"));
        assertThat(project.writes).containsExactly("unbind");
        assertThat(project.binding.boundTeamspace()).isEmpty();

        assertThat(unbind.unbind()).isInstanceOf(UnbindTeamspace.Result.NotBound.class);
        assertThat(project.writes).containsExactly("unbind");
        assertThat(new UnbindTeamspace(store).unbind()).isInstanceOf(UnbindTeamspace.Result.NotInAProject.class);
    }

    private static String slug(String root, String origin) {
        return ProjectSlug.of(new NewProjectSite(root, Optional.ofNullable(origin)));
    }
}
