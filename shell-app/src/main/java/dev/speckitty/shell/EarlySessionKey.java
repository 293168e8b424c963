package dev.speckitty.shell;

import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.shell.hardening.ProcessHardening;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.settings.RuntimePaths;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * For the command lines that decrypt the stored session on every run, {@code main} starts what the
 * first session read needs on a thread of its own before Spring starts: the lock's libc calls
 * linked, the key derived (scrypt, ~50 ms of CPU with OpenSSL's loading), AES-GCM loaded. On two
 * cores that runs beside start-up instead of after it (docs/performance.md). The guess is made
 * from the words alone; a wrong one costs one derivation's CPU, never a result: the store takes the
 * key only for the salt it reads under its lock.
 */
public final class EarlySessionKey {

    /**
     * The commands that read and decrypt a stored session whenever one exists (checked against the
     * work counters of real processes by {@code EarlySessionKeyCliTest}).
     */
    public static final Set<String> DECRYPTING_COMMANDS = Set.of(
            "auth status", "auth whoami", "auth doctor", "auth refresh", "auth logout");
    /** Options with which those commands decrypt nothing: presence only, or their help. */
    private static final Set<String> NOT_DECRYPTING = Set.of("--short", "--help", "-h");

    private EarlySessionKey() {}

    /**
     * The key derivation for this command, its key already being derived when the command will
     * decrypt the session (after the process hardening, as every token read is); empty for the
     * others, whose store (if any) derives on demand.
     */
    static Optional<SessionKeyDerivation> startFor(String[] args, RuntimeEnvironment environment) {
        if (!decrypts(args)) {
            return Optional.empty();
        }
        SessionKeyDerivation keys = new SessionKeyDerivation(MachinePassphrase.forThisMachine());
        RuntimePaths paths = RuntimePaths.of(environment);
        keys.startEarly(new AuthFiles(paths.authDirectory()).salt(), () -> {
            SessionFileLock.linkAhead(); // no secret involved: before the hardening is in place
            ProcessHardening.awaitApplied();
        });
        return Optional.of(keys);
    }

    static boolean decrypts(String[] args) {
        return args.length >= 2 && DECRYPTING_COMMANDS.contains(args[0] + " " + args[1])
                && Arrays.stream(args, 2, args.length).noneMatch(NOT_DECRYPTING::contains);
    }
}
