package dev.speckitty.shell.command.sync;

/** Shared names and texts of the sync command group. */
final class SyncGroup {

    static final String NAME = "Hosted sync";
    static final String JSON = "json";
    static final String ROLLOUT_OFF =
            "Hosted SaaS sync is not enabled on this machine. Set `SPEC_KITTY_ENABLE_SAAS_SYNC=1` to opt in.";

    private SyncGroup() {}
}
