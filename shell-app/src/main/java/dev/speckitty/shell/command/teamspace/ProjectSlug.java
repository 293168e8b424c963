package dev.speckitty.shell.command.teamspace;

import dev.speckitty.domain.port.BindingStore.NewProjectSite;
import java.nio.file.Path;
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
                .orElseGet(() -> {
                    Path directory = Path.of(site.repositoryRoot()).getFileName();
                    return directory == null ? "project" : directory.toString();
                });
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "project" : slug;
    }
}
