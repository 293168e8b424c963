package dev.speckitty.shell.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the CLI reads, behind one holder so tests pass a map instead of the
 * real process environment. An empty value counts as unset.
 */
public final class RuntimeEnvironment {

    private final Map<String, String> variables;

    private RuntimeEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static RuntimeEnvironment system() {
        return new RuntimeEnvironment(System.getenv());
    }

    public static RuntimeEnvironment of(Map<String, String> variables) {
        return new RuntimeEnvironment(variables);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isEmpty());
    }
}
