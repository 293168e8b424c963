package dev.speckitty.shell.settings;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a person is at the keyboard: {@code SPEC_KITTY_FORCE_INTERACTIVE} wins, then
 * {@code SPEC_KITTY_NON_INTERACTIVE}, else whether stdin is a terminal (docs/spec/behaviour.md §2.2).
 */
public final class Interactivity {

    private static final Set<String> TRUTHY = Set.of("1", "true", "yes", "y", "on");

    private final RuntimeEnvironment environment;
    private final boolean stdinIsTerminal;

    public Interactivity(RuntimeEnvironment environment, boolean stdinIsTerminal) {
        this.environment = environment;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    public boolean interactive() {
        if (truthy("SPEC_KITTY_FORCE_INTERACTIVE")) {
            return true;
        }
        if (truthy("SPEC_KITTY_NON_INTERACTIVE")) {
            return false;
        }
        return stdinIsTerminal;
    }

    public boolean truthy(String variable) {
        return environment.get(variable).map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(TRUTHY::contains)
                .isPresent();
    }

    /** {@code SPEC_KITTY_ENABLE_SAAS_SYNC}: hosted sync and tracker commands are opt-in per machine. */
    public boolean saasSyncEnabled() {
        return truthy("SPEC_KITTY_ENABLE_SAAS_SYNC");
    }
}
