package dev.speckitty.domain.port;

import dev.speckitty.domain.teamspace.TeamspaceBinding;
import java.util.Optional;

/**
 * The repository-side binding file. Reading never creates or rewrites it; only an explicit bind or
 * unbind writes.
 */
public interface BindingStore {

    Optional<TeamspaceBinding> read();

    void bind(String teamspace);

    void unbind();
}
