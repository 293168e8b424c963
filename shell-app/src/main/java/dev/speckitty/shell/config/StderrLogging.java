package dev.speckitty.shell.config;

import java.util.Map;

/**
 * The CLI's logging: WARN and up (Reactor and Netty off), to stderr only, so stdout carries nothing
 * but command output. SLF4J's simple provider reads its settings from system properties when the
 * first logger is asked for, so {@link #configure} runs first thing in {@code main}. The provider is
 * named rather than discovered: SLF4J's service lookup and Logback's configurator discovery and
 * pattern layout each opened or walked the whole class path, together a tenth of a one-shot's CPU
 * (docs/performance.md). Spring Boot's logging system is off ({@code SpecKittyApplication}).
 */
public final class StderrLogging {

    private static final String PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final Map<String, String> SETTINGS = Map.of(
            PREFIX + "logFile", "System.err",
            PREFIX + "defaultLogLevel", "warn",
            // No time stamp: a one-shot's warning needs none, and its date format set up the calendar
            // and locale data, a tenth of a logged-out one-shot's CPU.
            PREFIX + "showDateTime", "false",
            PREFIX + "showThreadName", "false",
            // Reactor and Netty log a malformed or hostile answer at WARN with a stack trace quoting the
            // server's raw bytes (issue 14); the hosted adapters report every such failure as one typed,
            // token-free outcome, so these loggers stay silent.
            PREFIX + "log.reactor", "off",
            PREFIX + "log.io.netty", "off");

    private StderrLogging() {}

    /** Sets the logging up; a setting already given on the command line (-D) or by a test wins. */
    public static void configure() {
        System.getProperties().putIfAbsent("slf4j.provider", PROVIDER);
        // SLF4J reports a named provider on stderr at its INFO level; only its warnings may show.
        System.getProperties().putIfAbsent("slf4j.internal.verbosity", "WARN");
        SETTINGS.forEach(System.getProperties()::putIfAbsent);
    }
}
