package dev.speckitty.shell.settings;

import java.nio.file.Path;

/**
 * Where the CLI keeps its files: {@code SPEC_KITTY_HOME} verbatim, else {@code ~/.spec-kitty}
 * (with {@code ~} from {@code HOME}, like the reference CLI, else the JVM's user home).
 */
public record RuntimePaths(Path home) {

    public static final String HOME_VARIABLE = "SPEC_KITTY_HOME";

    /** This process's paths: {@link #resolve} with the JVM's {@code user.home}. */
    public static RuntimePaths of(RuntimeEnvironment environment) {
        return resolve(environment, System.getProperty("user.home"));
    }

    public static RuntimePaths resolve(RuntimeEnvironment environment, String jvmUserHome) {
        Path home = environment.get(HOME_VARIABLE)
                .map(Path::of)
                .orElseGet(() -> Path.of(environment.get("HOME").orElse(jvmUserHome), ".spec-kitty"));
        return new RuntimePaths(home.toAbsolutePath().normalize());
    }

    public Path authDirectory() {
        return home.resolve("auth");
    }
}
