package dev.speckitty.shell.settings;

/** The CLI's version from the jar manifest, for the refresh-lock holder record. */
public final class CliVersion {

    private CliVersion() {}

    public static String current() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
