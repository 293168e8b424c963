package dev.speckitty.adapters.repository;

import java.nio.file.Path;

/** A bind or unbind ran outside a spec-kitty project: no directory with {@code .kittify/} was found. */
class ProjectRootNotFoundException extends RuntimeException {

    public ProjectRootNotFoundException(Path workingDirectory) {
        super("No spec-kitty project found from " + workingDirectory + ": run this command from inside a spec-kitty"
                + " project (a directory with .kittify/, or one of its subdirectories); in a git repository that is"
                + " not one yet, spec-kitty teamspace bind creates it.");
    }
}
