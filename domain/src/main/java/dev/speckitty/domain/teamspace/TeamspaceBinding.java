package dev.speckitty.domain.teamspace;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the repository says about its hosted connection: the project identity from
 * {@code <root>/.kittify/config.yaml}, an explicit Teamspace binding, the tracker binding, and
 * the {@code owner/repo} slug of the git origin. Every field but {@code projectRoot} may be null.
 *
 * @param projectRoot the directory holding {@code .kittify/}
 * @param repoSlugOverride {@code project.repo_slug}, valid only when every {@code /} part is non-empty
 * @param originRepoSlug parsed from {@code git remote get-url origin}
 */
public record TeamspaceBinding(
        String projectRoot,
        String projectUuid,
        String projectSlug,
        String repoSlugOverride,
        String originRepoSlug,
        String teamspace,
        TrackerBinding tracker) {

    /** The explicitly bound Teamspace handle. */
    public Optional<String> boundTeamspace() {
        return nonBlank(teamspace);
    }

    /** The routing repository slug: a valid override, else the git origin's. */
    public Optional<String> repoSlug() {
        return nonBlank(repoSlugOverride).filter(TeamspaceBinding::validSlug).or(() -> nonBlank(originRepoSlug));
    }

    /**
     * The connected Teamspace as the repository shows it, in the order of docs/spec/behaviour.md §2.2 with
     * the explicit binding first: bound Teamspace, repository slug, project slug.
     */
    public Optional<String> connectedTeamspace() {
        return Stream.of(boundTeamspace(), repoSlug(), nonBlank(projectSlug))
                .flatMap(Optional::stream)
                .findFirst();
    }

    public Optional<TrackerBinding> configuredTracker() {
        return Optional.ofNullable(tracker).filter(TrackerBinding::isConfigured);
    }

    /** {@code owner/repo} (subgroups allowed): at least one {@code /}, and no blank part. */
    private static boolean validSlug(String slug) {
        return slug.contains("/") && Stream.of(slug.split("/", -1)).noneMatch(String::isBlank);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(s -> !s.isEmpty());
    }
}
