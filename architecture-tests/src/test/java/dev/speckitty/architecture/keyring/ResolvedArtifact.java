package dev.speckitty.architecture.keyring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line of {@code mvn dependency:list}: {@code group:artifact:type[:classifier]:version:scope}. */
record ResolvedArtifact(String groupId, String artifactId, String version, String scope) {

    String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    /** Reads the file the dependency plugin writes, ignoring its header and the " -- module x" notes. */
    static List<ResolvedArtifact> readList(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static List<ResolvedArtifact> parse(List<String> lines) {
        return lines.stream()
                .map(line -> line.replaceFirst(" -- .*$", "").strip())
                .filter(line -> line.chars().filter(c -> c == ':').count() >= 4)
                .map(ResolvedArtifact::parseCoordinates)
                .toList();
    }

    private static ResolvedArtifact parseCoordinates(String line) {
        String[] parts = line.split(":");
        // A classifier adds one field between type and version; version and scope are always last.
        return new ResolvedArtifact(parts[0], parts[1], parts[parts.length - 2], parts[parts.length - 1]);
    }
}
