package dev.speckitty.domain.teamspace;

import java.util.Locale;
import java.util.Set;

/**
 * The repository's tracker binding ({@code tracker:} in config.yaml). Configured when a hosted
 * provider has a binding ref or project slug, or a local provider has a workspace.
 */
public record TrackerBinding(String provider, String bindingRef, String projectSlug, String workspace) {

    private static final Set<String> HOSTED_PROVIDERS = Set.of("linear", "jira", "github", "gitlab");
    private static final Set<String> LOCAL_PROVIDERS = Set.of("beads", "fp");

    public boolean isConfigured() {
        if (provider == null) {
            return false;
        }
        String kind = provider.strip().toLowerCase(Locale.ROOT);
        if (HOSTED_PROVIDERS.contains(kind)) {
            return present(bindingRef) || present(projectSlug);
        }
        return LOCAL_PROVIDERS.contains(kind) && present(workspace);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
