package dev.speckitty.application.teamspace;

import dev.speckitty.domain.port.BindingStore.NewProjectSite;
import java.util.Locale;

/**
 * The slug of a new project: the repository name of its git origin ({@code acme/spec-kitty} →
 * {@code spec-kitty}), else the name of its directory, in lower case with anything but letters,
 * digits, {@code .}, {@code _} and {@code -} turned into {@code -}.
 */
final class ProjectSlug {

    private ProjectSlug() {}

    static String of(NewProjectSite site) {
        String name = site.originRepoSlug()
                .map(slug -> slug.substring(slug.lastIndexOf('/') + 1))
                .orElseGet(() -> directoryName(site.repositoryRoot()));
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "project" : slug;
    }

    /** The last name of an absolute path ({@code /} has none); plain text, the use case touches no files. */
    private static String directoryName(String root) {
        String trimmed = root.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isEmpty() ? "project" : name;
    }
}
