package dev.speckitty.adapters.repository;

import dev.speckitty.domain.port.BindingStore;
import dev.speckitty.domain.teamspace.TeamspaceBinding;
import dev.speckitty.domain.teamspace.TrackerBinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository's binding in {@code <project root>/.kittify/config.yaml} plus its git origin
 * (see docs/storage.md). {@link #read()} only reads. The binds and the unbind are the only
 * writers: each is a minimal textual edit of one top-level block ({@link TopLevelBlocks}), checked
 * by re-parsing before the file is replaced atomically, so every other key and every comment stays
 * byte for byte.
 */
public final class YamlBindingStore implements BindingStore {

    static final String CONFIG_FILE = "config.yaml";
    private static final int MAX_CONFIG_BYTES = 1 << 20;

    private final Path workingDirectory;
    private final Map<String, String> environment;

    /** @param environment the process environment, for {@code SPECIFY_REPO_ROOT} */
    public YamlBindingStore(Path workingDirectory, Map<String, String> environment) {
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.environment = Map.copyOf(environment);
    }

    /** The project root, if the working directory is in a spec-kitty project. */
    public Optional<Path> projectRoot() {
        return ProjectRootLocator.locate(workingDirectory, environment);
    }

    @Override
    public Optional<TeamspaceBinding> read() {
        return projectRoot().map(root -> {
            Path file = configFile(root);
            KittifyDocument document = load(file).map(bytes -> KittifyDocument.parse(decode(file, bytes), file))
                    .orElse(KittifyDocument.EMPTY);
            String origin = GitOriginReader.originUrl(root).flatMap(OriginRepoSlug::parse).orElse(null);
            return new TeamspaceBinding(root.toString(), document.projectUuid(), document.projectSlug(),
                    document.repoSlugOverride(), origin, document.teamspace(), document.tracker());
        });
    }

    @Override
    public Optional<NewProjectSite> newProjectSite() {
        if (projectRoot().isPresent()) {
            return Optional.empty();
        }
        return ProjectRootLocator.gitRepositoryRoot(workingDirectory).map(root -> new NewProjectSite(root.toString(),
                GitOriginReader.originUrl(root).flatMap(OriginRepoSlug::parse)));
    }

    @Override
    public void createProject(String projectUuid, String projectSlug) {
        Path root = newProjectSite().map(site -> Path.of(site.repositoryRoot()))
                .orElseThrow(() -> new ProjectRootNotFoundException(workingDirectory));
        Path file = configFile(root);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException failed) {
            throw new BindingFileException(file, "Could not create " + file.getParent() + " ("
                    + failed.getClass().getSimpleName() + ").");
        }
        String yaml = "project:\n  uuid: \"" + projectUuid + "\"\n  slug: \"" + projectSlug + "\"\n";
        ConfigFileReplacer.replace(file, root, null, yaml.getBytes(StandardCharsets.UTF_8)); // never through a link out of the repository
    }

    @Override
    public void bindTeamspace(String teamspace) {
        if (teamspace == null || teamspace.isBlank()) {
            throw new IllegalArgumentException("a Teamspace handle is required");
        }
        String handle = teamspace.strip();
        edit(BindingBlocks.TEAMSPACE, BindingBlocks.teamspace(handle),
                edited -> handle.equals(edited.teamspace()));
    }

    @Override
    public void unbindTeamspace() {
        edit(BindingBlocks.TEAMSPACE, null, edited -> edited.teamspace() == null);
    }

    @Override
    public void bindTracker(TrackerBinding tracker) {
        Objects.requireNonNull(tracker, "tracker");
        if (tracker.provider() == null || tracker.provider().isBlank()) {
            throw new IllegalArgumentException("a tracker provider is required");
        }
        String block = BindingBlocks.tracker(tracker);
        edit(BindingBlocks.TRACKER, block, edited -> sameTracker(tracker, edited.tracker()));
    }

    private interface Check {
        boolean holds(KittifyDocument edited);
    }

    /** Replaces (block != null) or removes (block == null) the top-level {@code key} block. */
    private void edit(String key, String block, Check intended) {
        Path root = projectRoot().orElseThrow(() -> new ProjectRootNotFoundException(workingDirectory));
        Path file = configFile(root);
        if (!Files.isDirectory(file.getParent())) {
            throw new BindingFileException(file, file.getParent() + " does not exist: run this command from inside a"
                    + " spec-kitty project (a directory with .kittify/).");
        }
        Optional<byte[]> original = load(file);
        if (original.isEmpty() && block == null) {
            return; // unbinding with no config file: nothing to remove, and nothing is created
        }
        String before = original.map(bytes -> decode(file, bytes)).orElse("");
        KittifyDocument parsedBefore = KittifyDocument.parse(before, file); // malformed: refuse before editing
        TopLevelBlocks blocks = new TopLevelBlocks(before);
        String after = block == null ? blocks.remove(key) : blocks.replace(key, block);
        if (after.equals(before) && original.isPresent()) {
            return;
        }
        KittifyDocument parsedAfter = parseEdited(after, file);
        boolean othersUnchanged = parsedAfter.entriesExcept(key).equals(parsedBefore.entriesExcept(key));
        boolean keyAsIntended = parsedAfter.occurrences(key) == (block == null ? 0 : 1) && intended.holds(parsedAfter);
        if (!othersUnchanged || !keyAsIntended) {
            throw new BindingFileException(file, "Could not edit the " + key + ": block of " + file + " without"
                    + " changing the rest of it (its layout is unusual). It was left unchanged; edit the " + key
                    + ": key by hand.");
        }
        ConfigFileReplacer.replace(file, root, original.orElse(null), after.getBytes(StandardCharsets.UTF_8));
    }

    private static KittifyDocument parseEdited(String text, Path file) {
        try {
            return KittifyDocument.parse(text, file);
        } catch (BindingFileException unparseable) {
            throw new BindingFileException(file, "Could not edit " + file + " without breaking it (its layout is"
                    + " unusual). It was left unchanged; edit it by hand.", unparseable);
        }
    }

    private static boolean sameTracker(TrackerBinding wanted, TrackerBinding written) {
        return written != null && Objects.equals(normal(wanted.provider()), written.provider())
                && Objects.equals(normal(wanted.bindingRef()), written.bindingRef())
                && Objects.equals(normal(wanted.projectSlug()), written.projectSlug())
                && Objects.equals(normal(wanted.workspace()), written.workspace());
    }

    private static String normal(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Path configFile(Path root) {
        return root.resolve(ProjectRootLocator.KITTIFY).resolve(CONFIG_FILE);
    }

    /** The file's bytes, or empty when it does not exist. */
    private static Optional<byte[]> load(Path file) {
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a FIFO would block the read forever, a device (/dev/zero) never end it
                throw new BindingFileException(file, file + " is not a regular file (a directory, FIFO or device, or"
                        + " a link to one). It was left unchanged; replace it with a regular file.");
            }
            if (Files.size(file) > MAX_CONFIG_BYTES) {
                throw new BindingFileException(file, file + " is larger than " + MAX_CONFIG_BYTES / 1024
                        + " KiB; it cannot be a spec-kitty config. It was left unchanged.");
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException failed) {
            throw new BindingFileException(file, "Could not read " + file + " (" + failed.getClass().getSimpleName()
                    + "). Check that it is a regular file you can read.", failed);
        }
    }

    private static String decode(Path file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new BindingFileException(file, file + " is not UTF-8 text. It was left unchanged; fix it by hand"
                    + " and retry.", notUtf8);
        }
    }
}
