package dev.speckitty.shell.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.fastlaunch.ClassPathAnswers;
import dev.speckitty.shell.support.CliProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The jar the launcher's fast layout runs is the exec jar's extracted class path (the app jar and
 * the 55 jars of its manifest's Class-Path) merged into one by bin/lib/JarMerge.java. Read through
 * the JDK's class loader, ServiceLoader and Spring, it must answer as that class path does: the
 * same bytes for every class and resource, the same service providers, the same Spring factories
 * and keyed properties, the same version for the packages that read theirs, every library's
 * licence files kept. The fast layout's own verification (and every black-box test) runs it.
 */
class MergedJarLayoutTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(300)
    void theMergedJarAnswersAsTheExtractedClassPathDoes() throws Exception {
        Path execJar = Path.of(System.getProperty("spec-kitty.exec-jar")).toAbsolutePath();
        Path app = extract(execJar);
        List<Path> jars = new ArrayList<>(List.of(app));
        try (Stream<Path> lib = Files.list(app.resolveSibling("lib"))) {
            lib.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        try (URLClassLoader separate = ClassPathAnswers.loader(app); URLClassLoader merged = ClassPathAnswers.loader(mergedJar())) {
            assertThat(ClassPathAnswers.resourceDifferences(jars, separate, merged)).isEmpty();

            int throughServiceLoader = 0;
            for (String service : servicesIn(jars)) {
                List<String> expected;
                try {
                    expected = ClassPathAnswers.serviceProviders(separate, service);
                    throughServiceLoader++;
                } catch (ClassNotFoundException | ServiceConfigurationError | LinkageError unloadable) {
                    // e.g. BlockHound's or the Servlet API's service type, which is not on this class path:
                    // the providers as ServiceLoader would list them, from every copy in class-path order.
                    expected = declaredProviders(separate, service);
                    assertThat(declaredProviders(merged, service)).as(service).isEqualTo(expected);
                    continue;
                }
                assertThat(ClassPathAnswers.serviceProviders(merged, service)).as(service).isEqualTo(expected);
            }
            assertThat(throughServiceLoader).as("services compared through ServiceLoader").isGreaterThanOrEqualTo(5);

            for (String factories : List.of("META-INF/spring.factories", "META-INF/spring/aot.factories")) {
                assertThat(ClassPathAnswers.springFactories(merged, factories)).as(factories)
                        .isEqualTo(ClassPathAnswers.springFactories(separate, factories)).isNotEmpty();
            }
            for (String keyed : List.of("META-INF/spring.handlers", "META-INF/spring.schemas", "META-INF/spring.tooling",
                    "META-INF/io.netty.versions.properties")) {
                assertThat(PropertiesLoaderUtils.loadAllProperties(keyed, merged)).as(keyed)
                        .isEqualTo(PropertiesLoaderUtils.loadAllProperties(keyed, separate)).isNotEmpty();
            }
            // Reactor Netty's default User-Agent header is "ReactorNetty/" + its package's version.
            String httpClient = "reactor.netty.http.client.HttpClient";
            assertThat(Class.forName(httpClient, false, merged).getPackage().getImplementationVersion())
                    .isEqualTo(Class.forName(httpClient, false, separate).getPackage().getImplementationVersion())
                    .isNotBlank();
        }
        assertEveryLicenceFileIsKept(jars.subList(1, jars.size()));
    }

    private Path extract(Path execJar) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path into = temp.resolve("extracted");
        Process extract = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", execJar.toString(), "extract",
                "--destination", into.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("extract.log").toFile())
                .start();
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(Files.readString(temp.resolve("extract.log"))).isZero();
        return into.resolve(execJar.getFileName());
    }

    /** The jar on the class path of the launch command the black-box tests share with bin/spec-kitty. */
    private static Path mergedJar() {
        List<String> command = CliProcess.launchCommand();
        String classPath = command.get(command.indexOf("-cp") + 1);
        return Path.of(classPath.substring(0, classPath.indexOf(':')));
    }

    private static TreeSet<String> servicesIn(List<Path> jars) throws IOException {
        TreeSet<String> services = new TreeSet<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                file.stream().map(JarEntry::getName).filter(n -> n.matches("META-INF/services/[^/]+"))
                        .forEach(n -> services.add(n.substring("META-INF/services/".length())));
            }
        }
        return services;
    }

    /** Provider names as ServiceLoader reads them: every copy of the file in class-path order, # comments out, each once. */
    private static List<String> declaredProviders(ClassLoader loader, String service) throws IOException {
        LinkedHashSet<String> providers = new LinkedHashSet<>();
        for (URL copy : Collections.list(loader.getResources("META-INF/services/" + service))) {
            try (InputStream in = copy.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("#.*", "").strip())
                        .filter(l -> !l.isEmpty()).forEach(providers::add);
            }
        }
        return List.copyOf(providers);
    }

    private static void assertEveryLicenceFileIsKept(List<Path> libraries) throws IOException {
        try (JarFile merged = new JarFile(mergedJar().toFile(), false)) {
            int kept = 0;
            for (Path library : libraries) {
                try (JarFile jar = new JarFile(library.toFile(), false)) {
                    for (JarEntry entry : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                        if (ClassPathAnswers.LICENCE.matcher(entry.getName()).matches()) {
                            String name = "META-INF/legal/" + library.getFileName() + "/" + entry.getName();
                            JarEntry copy = merged.getJarEntry(name);
                            assertThat(copy).as(name).isNotNull();
                            try (InputStream expected = jar.getInputStream(entry); InputStream actual = merged.getInputStream(copy)) {
                                assertThat(actual.readAllBytes()).as(name).isEqualTo(expected.readAllBytes());
                            }
                            kept++;
                        }
                    }
                }
            }
            assertThat(kept).as("licence files of the libraries").isGreaterThanOrEqualTo(30);
        }
    }
}
