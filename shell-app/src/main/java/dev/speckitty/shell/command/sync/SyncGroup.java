package dev.speckitty.shell.command.sync;

/** Shared names and texts of the sync command group. */
final class SyncGroup {

    static final String NAME = "Hosted sync";
    static final String JSON = "json";

    private SyncGroup() {}
}
