package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimePaths;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.crypto.MachinePassphrase;
import dev.speckitty.adapters.storage.session.crypto.SessionKeyDerivation;
import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.hotpath.HotPathFile;
import dev.speckitty.adapters.storage.session.lock.SessionFileLock;
import dev.speckitty.domain.port.SessionHotPath;
import dev.speckitty.domain.port.SessionStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one session store there is: the encrypted file under {@code <SPEC_KITTY_HOME>/auth}, with
 * its token-free hot-path handoff unless {@code SPEC_KITTY_DISABLE_SESSION_HOT_PATH=1}.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    WorkCounters workCounters() {
        return new WorkCounters();
    }

    @Bean
    SessionHotPath sessionHotPath(RuntimePaths paths, RuntimeEnvironment environment, Clock clock) {
        return hotPathFile(paths, environment, clock).<SessionHotPath>map(file -> file).orElse(Optional::empty);
    }

    /** @param startedEarly the key derivation {@code main} started early for this command, if it did */
    @Bean
    SessionStore sessionStore(RuntimePaths paths, RuntimeEnvironment environment, Clock clock,
            WorkCounters counters, Optional<SessionKeyDerivation> startedEarly) {
        SessionKeyDerivation keys = startedEarly.orElseGet(
                () -> new SessionKeyDerivation(MachinePassphrase.forThisMachine()));
        return new EncryptedFileSessionStore(paths.authDirectory(), keys, SessionFileLock.DEFAULT_TIMEOUT, counters,
                hotPathFile(paths, environment, clock).orElse(null));
    }

    /** Disabled only by the exact value "1" (docs/spec/behaviour.md §5): the benchmark's baseline. */
    private static Optional<HotPathFile> hotPathFile(RuntimePaths paths, RuntimeEnvironment environment, Clock clock) {
        boolean disabled = environment.get(HotPathFile.DISABLE_VARIABLE).filter("1"::equals).isPresent();
        return disabled ? Optional.empty() : Optional.of(new HotPathFile(new AuthFiles(paths.authDirectory()), clock));
    }
}
