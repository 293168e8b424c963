package dev.speckitty.domain.port;

import java.util.List;

/**
 * Checks of the session storage that need no key: directory and file permissions, the salt,
 * leftover temporary files. Read-only.
 */
public interface StorageHealth {

    List<Check> inspect();

    /** One problem found; {@code fix} is a command or instruction the user can follow. */
    record Check(String id, Severity severity, String summary, String fix) {}

    enum Severity {
        CRITICAL("critical"),
        WARN("warn"),
        INFO("info");

        private final String machineName;

        Severity(String machineName) {
            this.machineName = machineName;
        }

        public String machineName() {
            return machineName;
        }
    }
}
