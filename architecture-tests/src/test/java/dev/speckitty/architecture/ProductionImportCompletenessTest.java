package dev.speckitty.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every rule here passes trivially on classes it never sees. This pins the import to the sources: each
 * top-level type in a production module's src/main/java must be among the imported classes (a stale or
 * repackaged jar on the classpath would otherwise hide code from the guards).
 */
class ProductionImportCompletenessTest {

    @Test
    void every_production_source_file_is_imported() throws IOException {
        Set<String> imported = ProductionClasses.get().stream()
                .map(javaClass -> javaClass.getName())
                .collect(Collectors.toSet());

        List<String> declared = declaredTopLevelTypes(RepositoryLayout.current().productionSourceRoots());

        assertThat(declared).as("production sources found under the repository").isNotEmpty();
        List<String> missing = declared.stream().filter(type -> !imported.contains(type)).toList();
        assertThat(missing)
                .as("types declared in src/main/java but missing from the imported production classes "
                        + "(rebuild/install the module, or check how its jar is packaged)")
                .isEmpty();
    }

    private static List<String> declaredTopLevelTypes(List<Path> sourceRoots) throws IOException {
        List<String> types = new ArrayList<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java"))
                        // Neither compiles to an importable class (package-info only when annotated).
                        .filter(file -> !file.getFileName().toString().equals("module-info.java"))
                        .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                        .map(file -> typeName(root, file))
                        .forEach(types::add);
            }
        }
        return types;
    }

    private static String typeName(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }
}
