package dev.speckitty.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the repository and each module's sources are, so guards can read source text next to bytecode. */
public final class RepositoryLayout {

    private static final String THIS_MODULE = "architecture-tests";
    /** Test doubles in src/main/java, used by other modules in test scope only: not production code. */
    public static final String TEST_FIXTURES_MODULE = "test-fixtures";

    private final Path root;

    private RepositoryLayout(Path root) {
        this.root = root;
    }

    /** Maven passes the root in; from an IDE we walk up from the working directory instead. */
    public static RepositoryLayout current() {
        String configured = System.getProperty("speckitty.repoRoot");
        if (configured != null && !configured.isBlank()) {
            return new RepositoryLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(THIS_MODULE).resolve("pom.xml"))) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("cannot find the repository root (no " + THIS_MODULE + "/pom.xml above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public Path root() {
        return root;
    }

    /** {@code src/main/java} of every production module, i.e. every module except this one and test-fixtures. */
    public List<Path> productionSourceRoots() {
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .filter(dir -> !dir.getFileName().toString().equals(THIS_MODULE))
                    .filter(dir -> !dir.getFileName().toString().equals(TEST_FIXTURES_MODULE))
                    .filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> dir.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This module's own test sources, where the guard fixtures live. */
    public Path fixtureSourceRoot() {
        return root.resolve(THIS_MODULE).resolve("src/test/java");
    }

    /** Repository-relative POSIX path, as findings print it. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
