package dev.speckitty.shell.config;

import dev.speckitty.adapters.storage.EncryptedFileSessionStore;
import dev.speckitty.domain.port.SessionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one session store there is: the encrypted file under {@code <SPEC_KITTY_HOME>/auth}. */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    SessionStore sessionStore(RuntimePaths paths) {
        return EncryptedFileSessionStore.inAuthDirectory(paths.authDirectory());
    }
}
