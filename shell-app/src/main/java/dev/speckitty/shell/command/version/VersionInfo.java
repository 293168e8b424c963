package dev.speckitty.shell.command.version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code spec-kitty --version} reports: the build (version, commit, build time, written into
 * the jar by the build-info goal of spring-boot-maven-plugin) and the Java runtime this process runs
 * on. Read only when asked, so no other command pays for it.
 */
public record VersionInfo(String version, String commit, String buildTime, Runtime runtime) {

    /** Where the build writes its facts (not Boot's default location, which would add a bean to every start). */
    static final String BUILD_INFO = "/META-INF/spec-kitty/build-info.properties";
    /** A key (its value may be quoted) that {@code bin/dist} adds to the {@code release} file of the runtime it bundles (jlink --release-info). */
    static final String BUNDLED_MARKER = "SPEC_KITTY_RUNTIME=bundled";
    private static final String UNKNOWN = "unknown";

    /** The Java runtime: its vendor and VM version, where it lives, and whether it is the one a distribution bundles. */
    public record Runtime(String vendor, String vmVersion, String javaHome, boolean bundled) {}

    public static VersionInfo current() {
        Properties build = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(BUILD_INFO)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException unreadable) {
            // a jar without readable build facts still answers, with "unknown"
        }
        String javaHome = System.getProperty("java.home", "");
        return new VersionInfo(
                build.getProperty("build.version", UNKNOWN),
                build.getProperty("build.commit", UNKNOWN),
                build.getProperty("build.time", UNKNOWN),
                new Runtime(System.getProperty("java.vm.vendor", UNKNOWN), System.getProperty("java.vm.version", UNKNOWN),
                        javaHome, isBundled(Path.of(javaHome))));
    }

    static boolean isBundled(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream()
                    .anyMatch(line -> line.replace("\"", "").equals(BUNDLED_MARKER));
        } catch (IOException noReleaseFile) {
            return false;
        }
    }
}
