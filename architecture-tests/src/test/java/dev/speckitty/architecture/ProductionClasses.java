package dev.speckitty.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.core.importer.Locations;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The production classes of {@code dev.speckitty} on the test classpath, without any test classes.
 *
 * <p>In a full reactor build Maven hands us the Spring Boot repackaged jars of shell-app and the
 * emulator, whose classes sit under {@code BOOT-INF/classes}; a plain package import would silently
 * miss them, so those jar folders are added explicitly.
 */
public final class ProductionClasses implements LocationProvider {

    public static final String ROOT_PACKAGE = "dev.speckitty";
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";

    private static JavaClasses cached;

    public static synchronized JavaClasses get() {
        if (cached == null) {
            cached = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importLocations(locations());
        }
        return cached;
    }

    @Override
    public Set<Location> get(Class<?> testClass) {
        return locations();
    }

    static Set<Location> locations() {
        Set<Location> locations = new LinkedHashSet<>(Locations.ofPackage(ROOT_PACKAGE));
        for (Location entry : Locations.inClassPath()) {
            if (entry.isJar()) {
                bootJarClasses(entry.asURI()).ifPresent(locations::add);
            }
        }
        return locations;
    }

    private static Optional<Location> bootJarClasses(URI jarUri) {
        return bootJarClasses(Path.of(URI.create(jarUri.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", ""))));
    }

    /** The {@code dev/speckitty} folder under {@code BOOT-INF/classes} of a Spring Boot jar, if it has one. */
    static Optional<Location> bootJarClasses(Path jar) {
        String packageFolder = BOOT_CLASSES + ROOT_PACKAGE.replace('.', '/') + "/";
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(packageFolder) == null) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath jar " + jar, e);
        }
        return Optional.of(Location.of(URI.create("jar:" + jar.toUri() + "!/" + packageFolder)));
    }
}
