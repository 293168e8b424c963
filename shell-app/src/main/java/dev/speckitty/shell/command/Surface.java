package dev.speckitty.shell.command;

/**
 * Where a command line came from: the program arguments ({@code spec-kitty auth login}) or the
 * interactive prompt ({@code auth login}). Hints name commands the way the user types them there.
 */
public enum Surface {
    ONE_SHOT("Run", "spec-kitty "),
    SHELL("Type", "");

    private final String verb;
    private final String prefix;

    Surface(String verb, String prefix) {
        this.verb = verb;
        this.prefix = prefix;
    }

    /** {@code spec-kitty: } before an error line of the program; nothing at the prompt, where it is obvious. */
    public String errorPrefix() {
        return prefix.isEmpty() ? "" : "spec-kitty: ";
    }

    /** {@code spec-kitty auth login} on the command line, {@code auth login} at the prompt. */
    public String typed(String commandLine) {
        return prefix + commandLine;
    }

    /** The hint under a usage error: the help of the command (or group) it concerns, else the overview. */
    public String helpHint(String topic) {
        if (topic == null || topic.isBlank()) {
            return pointTo("help", "to list commands");
        }
        return pointTo(topic + " --help", "for usage");
    }

    /** {@code Run 'spec-kitty auth --help' for usage.} / {@code Type 'auth --help' for usage.} */
    public String pointTo(String commandLine, String purpose) {
        return verb + " '" + typed(commandLine) + "' " + purpose + ".";
    }
}
