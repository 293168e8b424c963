package dev.speckitty.shell.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the black-box tests start the CLI: exactly as {@code bin/spec-kitty} does, from the packaged
 * jar's verified fast layout (its jars merged into one, JDK AOT cache, Spring AOT, the launcher's
 * JVM flags), with the hermetic guard jar appended to the class path. The layout and flags come
 * from the launcher's own shell library, so tests and launcher cannot drift apart. Failsafe passes
 * the paths as system properties; the pre-integration-test phase built the layout.
 */
final class PackagedLaunch {

    private static final String MAIN_CLASS = "dev.speckitty.shell.SpecKittyApplication";
    private static final String READ_LAYOUT = """
            source "$1/bin/lib/fast-launch.sh" || exit 2
            spec_kitty_fast_launch_ready "$2" || exit 3
            printf '%s\\n' "$SPEC_KITTY_FAST_JAR" "${SPEC_KITTY_JVM_FLAGS[@]}" "${SPEC_KITTY_FAST_FLAGS[@]}"
            """;

    private static volatile List<String> prefix;

    private PackagedLaunch() {}

    /** {@code java <flags> -cp <app jar>:<guard jar> <main class>}: append the CLI arguments. */
    static List<String> commandPrefix() {
        List<String> known = prefix;
        if (known == null) {
            synchronized (PackagedLaunch.class) {
                known = prefix;
                if (known == null) {
                    known = resolve();
                    prefix = known;
                }
            }
        }
        return known;
    }

    static Path javaHome() {
        String fromEnvironment = System.getenv("JAVA_HOME");
        return Path.of(fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : System.getProperty("java.home"));
    }

    private static List<String> resolve() {
        Path root = Path.of(required("spec-kitty.root"));
        Path execJar = Path.of(required("spec-kitty.exec-jar")).toAbsolutePath().normalize();
        Path guardJar = Path.of(required("spec-kitty.hermetic-guard-jar"));
        if (!Files.isRegularFile(guardJar)) {
            throw new AssertionError("no hermetic guard jar at " + guardJar + " (built in the package phase)");
        }
        List<String> layout = readLayout(root, execJar);
        List<String> command = new ArrayList<>();
        command.add(javaHome().resolve("bin").resolve("java").toString());
        command.addAll(layout.subList(1, layout.size()));
        command.addAll(List.of("-cp", layout.getFirst() + ":" + guardJar, MAIN_CLASS));
        return List.copyOf(command);
    }

    private static List<String> readLayout(Path root, Path execJar) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", READ_LAYOUT, "read-layout",
                root.toString(), execJar.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome().toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("no verified fast layout for " + execJar + " and " + javaHome()
                        + " (the pre-integration-test phase runs bin/lib/build-fast-launch.sh): " + output);
            }
            List<String> lines = output.lines().filter(line -> !line.isEmpty()).toList();
            if (lines.size() < 2 || !Files.isRegularFile(Path.of(lines.getFirst()))) {
                throw new AssertionError("unexpected fast layout description: " + output);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + property + " is not set: run the CLI process tests"
                    + " through Maven failsafe (./mvnw verify), which sets it");
        }
        return value;
    }
}
