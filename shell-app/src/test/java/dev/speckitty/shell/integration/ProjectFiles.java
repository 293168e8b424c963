package dev.speckitty.shell.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The FX repository of docs/spec/behaviour.md §7.0 in a sandbox: {@code .kittify/config.yaml} and a git origin. */
final class ProjectFiles {

    static final String PROJECT = "project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: acme-local\n";
    static final String TRACKER_BOUND = PROJECT + "tracker:\n  provider: linear\n  binding_ref: lin-1\n";
    static final String ORIGIN = "[remote \"origin\"]\n\turl = git@github.com:acme/spec-kitty.git\n";

    private ProjectFiles() {}

    /** Makes {@code box} (the CLI's working directory) a repository with this {@code config.yaml}. */
    static void write(Path box, String config) throws IOException {
        Files.createDirectories(box.resolve(".kittify"));
        Files.writeString(box.resolve(".kittify").resolve("config.yaml"), config);
        Files.createDirectories(box.resolve(".git"));
        Files.writeString(box.resolve(".git").resolve("config"), ORIGIN);
    }
}
