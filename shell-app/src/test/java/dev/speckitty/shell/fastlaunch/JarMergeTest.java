package dev.speckitty.shell.fastlaunch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.springframework.aop.Advisor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.toml.TomlFactory;

/**
 * bin/lib/JarMerge.java, compiled once and run in a JVM of its own per merge, as the fast layout
 * runs it ({@code java JarMerge.java <app jar> <out jar>} compiles it each time), over real library jars from this test's class path (Jackson and its TOML format, which both
 * provide {@code TokenStreamFactory} and {@code ObjectMapper} services; Spring Core, AOP and Boot with their factories files;
 * Bouncy Castle, which is signed and multi-release; SLF4J, twice under two names) behind a small app
 * jar whose manifest's Class-Path names them. The JDK's class loader, {@code ServiceLoader} and
 * {@code JarFile}, and Spring's {@code SpringFactoriesLoader} and {@code ImportCandidates}, read the
 * merged jar and the separate jars; their answers must agree.
 */
class JarMergeTest {

    private static final String APP_IMPORTS = "META-INF/spring/" + JarMergeTest.class.getName() + ".imports";

    @TempDir
    static Path temp;

    private static Path toolClasses;
    private static Path appJar;
    private static List<Path> separateJars;
    private static Path merged;
    private static URLClassLoader separate;
    private static URLClassLoader mergedLoader;

    @BeforeAll
    static void merge() throws Exception {
        toolClasses = Files.createDirectories(temp.resolve("tool"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", toolClasses.toString(),
                tool().toString());
        assertThat(compiled).as("javac bin/lib/JarMerge.java").isZero();
        Path lib = Files.createDirectories(temp.resolve("app/lib"));
        List<String> classPath = new ArrayList<>();
        writeJar(lib.resolve("extra.jar"), null, Map.of(
                APP_IMPORTS, "example.Second\nexample.Third", // no newline at the end
                "META-INF/services/tools.jackson.core.TokenStreamFactory", "tools.jackson.core.json.JsonFactory\n"));
        classPath.add("lib/extra.jar");
        for (Class<?> from : List.of(JsonFactory.class, ObjectMapper.class, TomlFactory.class, SpringFactoriesLoader.class, Advisor.class,
                SpringApplication.class, SCrypt.class, Logger.class)) {
            Path jar = jarOf(from);
            Files.copy(jar, lib.resolve(jar.getFileName()));
            classPath.add("lib/" + jar.getFileName());
        }
        Files.copy(jarOf(Logger.class), lib.resolve("slf4j-api-copy.jar")); // the same classes twice: not a conflict
        classPath.add("lib/slf4j-api-copy.jar");
        classPath.add("lib/not-there.jar");
        appJar = temp.resolve("app/app.jar");
        writeJar(appJar, manifest(String.join(" ", classPath)), Map.of(
                "META-INF/spring.factories", "org.springframework.boot.env.PropertySourceLoader=example.AppLoader\n",
                APP_IMPORTS, "example.First\n# a comment\nexample.Second\n",
                "example/app.txt", "the app's own resource\n"));
        separateJars = new ArrayList<>(List.of(appJar));
        classPath.stream().map(entry -> appJar.getParent().resolve(entry)).filter(Files::exists).forEach(separateJars::add);

        merged = temp.resolve("merged.jar");
        Run run = jarMerge(appJar, merged);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).contains("lib/not-there.jar is not there; skipped")
                .contains("jar-merge: " + separateJars.size() + " jars -> " + merged);
        separate = ClassPathAnswers.loader(appJar); // the JDK follows the manifest's Class-Path itself
        mergedLoader = ClassPathAnswers.loader(merged);
    }

    @AfterAll
    static void close() throws IOException {
        separate.close();
        mergedLoader.close();
    }

    @Test
    void servicesAreTheProvidersServiceLoaderFindsInTheSeparateJars() throws Exception {
        String service = "tools.jackson.core.TokenStreamFactory";
        List<String> expected = ClassPathAnswers.serviceProviders(separate, service);
        assertThat(expected).containsExactly(JsonFactory.class.getName(), TomlFactory.class.getName());
        assertThat(ClassPathAnswers.serviceProviders(mergedLoader, service)).isEqualTo(expected);
        assertThat(entryText(merged, "META-INF/services/" + service))
                .isEqualTo("tools.jackson.core.json.JsonFactory\ntools.jackson.dataformat.toml.TomlFactory\n");
        String mappers = "tools.jackson.databind.ObjectMapper";
        assertThat(ClassPathAnswers.serviceProviders(mergedLoader, mappers))
                .isEqualTo(ClassPathAnswers.serviceProviders(separate, mappers)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void factoriesAndImportsAreWhatSpringReadsFromTheSeparateJars() {
        for (String location : List.of("META-INF/spring.factories", "META-INF/spring/aot.factories")) {
            Map<String, List<String>> expected = ClassPathAnswers.springFactories(separate, location);
            assertThat(ClassPathAnswers.springFactories(mergedLoader, location)).as(location).isEqualTo(expected);
        }
        assertThat(ClassPathAnswers.springFactories(mergedLoader, "META-INF/spring.factories")
                .get("org.springframework.boot.env.PropertySourceLoader"))
                .as("the app jar's value first, then Spring Boot's").startsWith("example.AppLoader").hasSizeGreaterThan(1);
        assertThat(ImportCandidates.load(JarMergeTest.class, mergedLoader).getCandidates())
                .isEqualTo(ImportCandidates.load(JarMergeTest.class, separate).getCandidates())
                .containsExactly("example.First", "example.Second", "example.Second", "example.Third");
    }

    @Test
    void everyOtherClassAndResourceIsTheOneTheSeparateClassPathFindsFirst() throws Exception {
        assertThat(ClassPathAnswers.resourceDifferences(separateJars, separate, mergedLoader)).isEmpty();
        // Bouncy Castle's versioned classes: the JDK resolves the same variant through both loaders.
        String versioned;
        try (JarFile bouncyCastle = new JarFile(jarOf(SCrypt.class).toFile(), false)) {
            versioned = bouncyCastle.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("META-INF/versions/25/") && n.endsWith(".class"))
                    .findFirst().orElseThrow().substring("META-INF/versions/25/".length());
        }
        assertThat(ClassPathAnswers.resource(mergedLoader, versioned))
                .isEqualTo(entryBytes(jarOf(SCrypt.class), "META-INF/versions/25/" + versioned));
    }

    @Test
    void signaturesModuleDescriptorsAndTheLibrariesManifestsAreDropped() throws Exception {
        try (JarFile signed = new JarFile(jarOf(SCrypt.class).toFile(), true)) {
            assertThat(signed.stream().anyMatch(e -> e.getName().endsWith(".SF"))).as("the input is signed").isTrue();
        }
        try (JarFile jar = new JarFile(merged.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
                    .noneMatch(n -> n.endsWith("module-info.class")).doesNotContain("META-INF/INDEX.LIST");
            JarEntry scrypt = jar.getJarEntry(SCrypt.class.getName().replace('.', '/') + ".class");
            try (InputStream in = jar.getInputStream(scrypt)) {
                in.readAllBytes(); // a verifying JarFile checks signatures once an entry is read
            }
            assertThat(scrypt.getCodeSigners()).as("no signer: the merged jar is unsigned").isNull();
        }
    }

    @Test
    void theManifestIsTheAppsWithoutClassPathMultiReleaseAndThePackagesThatReadTheirVersion() throws Exception {
        try (JarFile jar = new JarFile(merged.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("example.Main");
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            assertThat(main.getValue("Class-Path")).isNull();
            assertThat(jar.isMultiRelease()).isTrue();
        }
        // SLF4J reads its own version from its package (Slf4jEnvUtil): that package keeps its jar's
        // attributes; a package none of whose classes reads them falls back to the app's (documented).
        assertThat(packageVersion(mergedLoader, "org.slf4j.helpers.Slf4jEnvUtil"))
                .isEqualTo(packageVersion(separate, "org.slf4j.helpers.Slf4jEnvUtil")).isNotNull();
        assertThat(packageVersion(mergedLoader, "org.slf4j.Logger")).isEqualTo("9.9.9");
    }

    @Test
    void eachLibrarysLicenceFilesAreKeptUnderItsOwnName() throws Exception {
        Path jacksonCore = jarOf(JsonFactory.class);
        assertThat(entryBytes(merged, "META-INF/legal/" + jacksonCore.getFileName() + "/META-INF/LICENSE"))
                .isEqualTo(entryBytes(jacksonCore, "META-INF/LICENSE"));
    }

    @Test
    void aClassInTwoJarsWithDifferentBytesFailsTheMergeNamingBoth() throws Exception {
        Path lib = Files.createDirectories(temp.resolve("conflict/lib"));
        Path slf4j = jarOf(Logger.class);
        Files.copy(slf4j, lib.resolve(slf4j.getFileName()));
        writeJar(lib.resolve("impostor.jar"), null, Map.of("org/slf4j/Logger.class", "other bytes"));
        Path app = temp.resolve("conflict/app.jar");
        writeJar(app, manifest("lib/" + slf4j.getFileName() + " lib/impostor.jar"), Map.of());
        Path out = temp.resolve("conflict/merged.jar");

        Run run = jarMerge(app, out);

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("org/slf4j/Logger.class: different in " + slf4j.getFileName() + " and impostor.jar")
                .contains("1 conflicts; nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void theSameJarsGiveTheSameBytes() throws Exception {
        Path again = temp.resolve("again.jar");
        Run run = jarMerge(appJar, again);
        assertThat(run.code()).as(run.output()).isZero();
        assertThat(Files.mismatch(merged, again)).as("first differing byte").isEqualTo(-1);
    }

    private static String packageVersion(ClassLoader loader, String className) throws ClassNotFoundException {
        return Class.forName(className, false, loader).getPackage().getImplementationVersion();
    }

    private record Run(int code, String output) {}

    /** {@code java JarMerge <app> <out>} with this JDK, as bin/lib/fast-launch.sh runs it (there from source). */
    private static Run jarMerge(Path app, Path out) throws IOException, InterruptedException {
        Path log = Files.createTempFile(temp, "jar-merge", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", toolClasses.toString(), "JarMerge", app.toString(), out.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("JarMerge finished").isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static Path tool() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tool = dir.resolve("bin/lib/JarMerge.java");
            if (Files.isRegularFile(tool)) {
                return tool;
            }
        }
        throw new AssertionError("no bin/lib/JarMerge.java above " + Path.of("").toAbsolutePath());
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.getFileName().toString()).as(type + " comes from a jar").endsWith(".jar");
        return jar;
    }

    private static Manifest manifest(String classPath) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "example.Main");
        main.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        main.put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        main.put(Attributes.Name.CLASS_PATH, classPath);
        return manifest;
    }

    private static void writeJar(Path jar, Manifest manifest, Map<String, String> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = manifest == null ? new JarOutputStream(file) : new JarOutputStream(file, manifest)) {
            for (var entry : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            if (entries.keySet().stream().anyMatch(n -> n.startsWith("example/"))) {
                out.putNextEntry(new JarEntry("example/Main.class"));
                out.write("a stand-in: the tool compares bytes, the test never runs it".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static byte[] entryBytes(Path jar, String name) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry entry = file.getJarEntry(name);
            assertThat(entry).as(name + " in " + jar.getFileName()).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    private static String entryText(Path jar, String name) throws IOException {
        return new String(entryBytes(jar, name), StandardCharsets.UTF_8);
    }
}
