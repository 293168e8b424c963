package dev.speckitty.adapters.storage.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How a child JVM finds its classes. {@link #testClassPath()} is the test class path as it is.
 * {@link #archived} puts the class directories into jars (class data sharing refuses directories)
 * and lets one training run record the classes it loaded: the many short-lived children of a crash
 * test then start with about a quarter less CPU. Without an archive they start as before.
 */
public record ChildClassPath(String classPath, List<String> jvmFlags) {

    public ChildClassPath {
        jvmFlags = List.copyOf(jvmFlags);
    }

    /** True when the children start from a class data sharing archive. */
    public boolean shared() {
        return jvmFlags.stream().anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile="));
    }

    public static ChildClassPath testClassPath() {
        return new ChildClassPath(System.getProperty("java.class.path"), List.of());
    }

    /** Jars in {@code directory}, then a training run of {@code main} with {@code trainingArguments}. */
    public static ChildClassPath archived(Path directory, Class<?> main, String... trainingArguments)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = directory.resolve("classes-" + entries.size() + ".jar");
                jar(path, jar);
                entries.add(jar.toString());
            } else {
                entries.add(entry);
            }
        }
        String classPath = String.join(File.pathSeparator, entries);
        Path archive = directory.resolve("children.jsa");
        try (ChildJvm training = ChildJvm.start(
                new ChildClassPath(classPath, List.of("-XX:ArchiveClassesAtExit=" + archive)), main,
                directory.resolve("training.err"), trainingArguments)) {
            training.finish(120);
        }
        return new ChildClassPath(classPath,
                Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of());
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> tree = Files.walk(classes)) {
            for (Path path : tree.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
