package dev.speckitty.application.tracker;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TrackerBinding;

/** {@code tracker bind}: writes {@code tracker:} into the project's binding file. */
public final class BindTracker {

    /** How the bind went. */
    public enum Result {
        BOUND,
        /** A hosted provider without a reference, or a local one without a workspace: nothing written. */
        INCOMPLETE,
        /** Not inside a spec-kitty project: nothing written. */
        NOT_IN_A_PROJECT
    }

    private final BindingStore bindings;

    public BindTracker(BindingStore bindings) {
        this.bindings = bindings;
    }

    public Result bind(TrackerBinding tracker) {
        if (!tracker.isConfigured()) {
            return Result.INCOMPLETE;
        }
        if (bindings.read().isEmpty()) {
            return Result.NOT_IN_A_PROJECT;
        }
        bindings.bindTracker(tracker);
        return Result.BOUND;
    }
}
