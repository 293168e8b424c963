package dev.speckitty.architecture.broadcatch;

/**
 * One unjustified broad catch.
 *
 * @param path repository-relative source path
 * @param line 1-based line of the {@code catch}
 * @param suppression the stripped source line
 * @param problem why it was reported
 */
public record Finding(String path, int line, String suppression, String problem) {

    public static final String REMEDIATION = "Add a specific safety reason after '// broad-catch:' that names the "
            + "boundary, translation, logging, downgrade, or cleanup behavior; otherwise narrow the exception type.";

    public String location() {
        return path + ":" + line;
    }

    public String render() {
        return location() + "\n"
                + "  suppression: " + suppression + "\n"
                + "  problem: " + problem + "\n"
                + "  remediation: " + REMEDIATION;
    }
}
