package dev.speckitty.architecture.broadcatch;

import dev.speckitty.architecture.RepositoryLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Finds fixture lines by their unique catch parameter name, so tests do not hard-code line numbers. */
final class FixtureSources {

    private static final String FIXTURES = "dev/speckitty/architecture/fixtures/";

    private FixtureSources() {
    }

    static String path(String fixtureFile) {
        return "architecture-tests/src/test/java/" + FIXTURES + fixtureFile;
    }

    /** "path:line" of the catch whose parameter is {@code parameterName}. */
    static String catchLocation(String fixtureFile, String parameterName) {
        Path file = RepositoryLayout.current().fixtureSourceRoot().resolve(FIXTURES + fixtureFile);
        Pattern declaration = Pattern.compile("\\s" + Pattern.quote(parameterName) + "\\)\\s*\\{");
        List<String> lines = readLines(file);
        List<Integer> matches = IntStream.rangeClosed(1, lines.size())
                .filter(line -> declaration.matcher(lines.get(line - 1)).find())
                .boxed()
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(parameterName + " is declared " + matches.size() + " times in " + file);
        }
        int line = matches.getFirst();
        // A multi-line multi-catch is reported at its "catch (" line, where the parameter list starts.
        while (!lines.get(line - 1).contains("catch (")) {
            line--;
        }
        return path(fixtureFile) + ":" + line;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
