package dev.speckitty.shell.render;

import java.util.Map;

/**
 * Whether output is coloured: never with {@code NO_COLOR} (no-color.org), always with
 * {@code CLICOLOR_FORCE} (other than {@code 0}), else only on a terminal.
 */
public final class Colour {

    private Colour() {}

    public static boolean enabled(Map<String, String> environment, boolean terminal) {
        String noColour = environment.get("NO_COLOR");
        if (noColour != null && !noColour.isEmpty()) {
            return false;
        }
        String force = environment.get("CLICOLOR_FORCE");
        if (force != null && !force.isEmpty() && !force.equals("0")) {
            return true;
        }
        return terminal;
    }
}
