package dev.speckitty.application.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.application.teamspace.InMemoryBindingStore;
import dev.speckitty.domain.teamspace.TrackerBinding;
import org.junit.jupiter.api.Test;

class BindTrackerTest {

    @Test
    void aCompleteBindingInsideAProjectIsWritten() {
        InMemoryBindingStore project = InMemoryBindingStore.project(null);

        assertThat(new BindTracker(project).bind(new TrackerBinding("linear", "ref-1", null, null)))
                .isEqualTo(BindTracker.Result.BOUND);
        assertThat(project.writes).containsExactly("tracker=linear");
        assertThat(project.binding.configuredTracker()).isPresent();
    }

    @Test
    void anIncompleteBindingIsRefusedBeforeTheProjectIsLookedFor() {
        InMemoryBindingStore project = InMemoryBindingStore.project(null);

        assertThat(new BindTracker(project).bind(new TrackerBinding("linear", null, null, null)))
                .isEqualTo(BindTracker.Result.INCOMPLETE);
        assertThat(new BindTracker(new InMemoryBindingStore()).bind(new TrackerBinding("beads", null, null, null)))
                .isEqualTo(BindTracker.Result.INCOMPLETE);
        assertThat(project.writes).isEmpty();
    }

    @Test
    void outsideAProjectNothingIsWritten() {
        InMemoryBindingStore nowhere = new InMemoryBindingStore();

        assertThat(new BindTracker(nowhere).bind(new TrackerBinding("beads", null, null, "ws")))
                .isEqualTo(BindTracker.Result.NOT_IN_A_PROJECT);
        assertThat(nowhere.writes).isEmpty();
    }
}
