package dev.speckitty.application.sync;

/** Where structured diagnostics go (stderr in the shell), never stdout. */
@FunctionalInterface
public interface SyncDiagnostics {

    void warn(String line);
}
