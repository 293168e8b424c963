package dev.speckitty.shell.config;

import dev.speckitty.shell.settings.RuntimeEnvironment;
import dev.speckitty.shell.settings.RuntimePaths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.domain.port.SessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyring exclusion (docs/spec/behaviour.md §6, H1): whatever the operating system, storage selection gives
 * the encrypted file store, and no keyring, Keychain, Secret Service or credential-manager class
 * is loaded (none is even on the classpath).
 */
class StorageSelectionTest {

    private static final List<String> CREDENTIAL_MANAGER_CLASSES = List.of(
            "com.github.javakeyring.Keyring", "pt.davidafsilva.apple.OSXKeychain",
            "de.swiesend.secretservice.simple.SimpleCollection", "org.freedesktop.dbus.connections.impl.DBusConnection",
            "com.microsoft.credentialmanager.CredentialManager", "com.sun.jna.platform.win32.Crypt32");

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"Linux", "Mac OS X", "Windows 11"})
    void everyOperatingSystemGetsTheEncryptedFileStore(String osName) {
        String original = System.getProperty("os.name");
        try {
            System.setProperty("os.name", osName);
            RuntimeEnvironment environment = RuntimeEnvironment.of(Map.of("SPEC_KITTY_HOME", home.toString()));
            RuntimePaths paths = RuntimePaths.resolve(environment, home.toString());

            SessionStore store = new StorageConfiguration().sessionStore(paths, environment, Clock.systemUTC(),
                    new WorkCounters(), Optional.empty());

            assertThat(store).isInstanceOf(EncryptedFileSessionStore.class);
            assertThat(store.describe().backend()).isEqualTo("encrypted-file");
            assertThat(store.describe().location()).isEqualTo(home.resolve("auth/session.json").toString());
        } finally {
            System.setProperty("os.name", original);
        }
        for (String className : CREDENTIAL_MANAGER_CLASSES) {
            assertThat(isLoadable(className)).as(className).isFalse();
        }
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, StorageSelectionTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
