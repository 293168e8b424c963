package dev.speckitty.emulator;

import java.util.Arrays;

/**
 * Command-line entry point. Stdout carries exactly one line, printed once the port is bound, for scripts
 * to read; all logging goes to stderr. Exit 2 on a usage error.
 */
public final class EmulatorMain {

    static final String READY_LINE_PREFIX = "spec-kitty-emulator listening on ";

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(CommandLineSettings.USAGE);
            return;
        }
        EmulatorSettings settings;
        try {
            settings = CommandLineSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("spec-kitty-emulator: " + e.getMessage());
            System.err.print(CommandLineSettings.USAGE);
            System.exit(2);
            return;
        }
        // Must happen before the first logger exists: our Logback file logs to stderr only.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "emulator-logback.xml");
        }
        HostedEmulator emulator = HostedEmulator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        System.out.println(READY_LINE_PREFIX + emulator.baseUrl());
        System.out.flush();
        emulator.awaitClose();
    }
}
