package dev.speckitty.application.teamspace;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import java.util.Optional;

/** {@code teamspace unbind}: removes {@code teamspace:}; writes nothing when none is bound. */
public final class UnbindTeamspace {

    /** How the unbind went. */
    public sealed interface Result {

        record Unbound(String teamspace) implements Result {}

        record NotBound() implements Result {}

        record NotInAProject() implements Result {}
    }

    private final BindingStore bindings;

    public UnbindTeamspace(BindingStore bindings) {
        this.bindings = bindings;
    }

    public Result unbind() {
        Optional<TeamspaceBinding> binding = bindings.read();
        if (binding.isEmpty()) {
            return new Result.NotInAProject();
        }
        Optional<String> bound = binding.get().boundTeamspace();
        if (bound.isEmpty()) {
            return new Result.NotBound();
        }
        bindings.unbindTeamspace();
        return new Result.Unbound(bound.get());
    }
}
