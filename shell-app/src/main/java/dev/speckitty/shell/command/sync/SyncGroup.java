package dev.speckitty.shell.command.sync;

import dev.speckitty.application.sync.SyncSetupReport;

/** Shared names and texts of the sync command group. */
final class SyncGroup {

    static final String NAME = "Hosted sync";
    static final String JSON = "json";
    static final String ROLLOUT_OFF = SyncSetupReport.ROLLOUT_OFF;

    private SyncGroup() {}
}
