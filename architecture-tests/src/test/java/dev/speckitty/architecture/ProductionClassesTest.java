package dev.speckitty.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.speckitty.architecture.fixtures.outofscope.OutOfScopeCatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reactor build puts Spring Boot repackaged jars on the classpath; their classes must still be seen. */
class ProductionClassesTest {

    @TempDir
    Path workDir;

    @Test
    void classes_under_boot_inf_of_a_repackaged_jar_are_imported() throws IOException {
        Path bootJar = bootJarHolding(OutOfScopeCatch.class);

        var location = ProductionClasses.bootJarClasses(bootJar);

        assertThat(location).isPresent();
        assertThat(new ClassFileImporter().importLocations(Set.of(location.get())))
                .extracting(JavaClass::getName)
                .contains(OutOfScopeCatch.class.getName());
    }

    @Test
    void an_ordinary_jar_adds_no_location() throws IOException {
        Path plainJar = workDir.resolve("plain.jar");
        try (var jar = new JarOutputStream(Files.newOutputStream(plainJar))) {
            jar.putNextEntry(new JarEntry("dev/speckitty/"));
        }

        assertThat(ProductionClasses.bootJarClasses(plainJar)).isEmpty();
    }

    private Path bootJarHolding(Class<?> type) throws IOException {
        String entry = "BOOT-INF/classes/" + type.getName().replace('.', '/') + ".class";
        Path jarFile = workDir.resolve("app.jar");
        try (var jar = new JarOutputStream(Files.newOutputStream(jarFile));
                InputStream classBytes = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            String folder = "";
            for (String part : entry.substring(0, entry.lastIndexOf('/')).split("/")) {
                folder += part + "/";
                jar.putNextEntry(new JarEntry(folder));
            }
            jar.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(jar);
        }
        return jarFile;
    }
}
