package dev.speckitty.adapters.storage.session;

import java.nio.file.Path;

/** The files of the auth directory, named as the reference CLI names them. */
public record AuthFiles(Path directory) {

    public Path session() {
        return directory.resolve("session.json");
    }

    public Path sessionTemporary() {
        return directory.resolve("session.json.tmp");
    }

    public Path salt() {
        return directory.resolve("session.salt");
    }

    public Path sessionLock() {
        return directory.resolve("session.lock");
    }

    public Path hotPath() {
        return directory.resolve("session.hot-path.json");
    }

    public Path hotPathTemporary() {
        return directory.resolve("session.hot-path.json.tmp");
    }

    public Path refreshLock() {
        return directory.resolve("refresh.lock");
    }
}
