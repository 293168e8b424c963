package dev.speckitty.architecture.keyring;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.architecture.ProductionClasses;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyringApiUsageTest {

    private static final String OUR_CLASS = "dev.speckitty.architecture.fixtures.keyring.StoresTokenInOsVault";

    @TempDir
    Path workDir;

    @Test
    void production_classes_use_no_keyring_api() {
        KeyringApis.noKeyringApiUse().check(ProductionClasses.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "com.github.javakeyring.Keyring",
        "pt.davidafsilva.apple.OSXKeychain",
        "de.swiesend.secretservice.simple.SimpleCollection",
        "org.freedesktop.dbus.connections.impl.DBusConnection",
        "com.microsoft.credentialmanager.CredentialManager",
        "com.sun.jna.platform.win32.Crypt32Util",
        "com.sun.jna.platform.win32.Advapi32",
        "com.sun.jna.platform.win32.WinCred$CREDENTIAL",
        "com.sun.jna.platform.mac.SecKeychain",
    })
    void a_class_of_ours_using_a_keyring_api_breaks_the_rule(String keyringType) throws IOException {
        var classes = SyntheticClasses.classWithFieldOfType(OUR_CLASS, keyringType, workDir);

        assertThatThrownBy(() -> KeyringApis.noKeyringApiUse().check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(keyringType)
                .hasMessageContaining("$SPEC_KITTY_HOME/auth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.sun.jna.platform.win32.Kernel32", "com.sun.jna.Pointer", "java.security.KeyStore"})
    void other_native_or_jdk_security_types_are_not_keyring_apis(String allowedType) throws IOException {
        var classes = SyntheticClasses.classWithFieldOfType(OUR_CLASS, allowedType, workDir);

        assertThatCode(() -> KeyringApis.noKeyringApiUse().check(classes)).doesNotThrowAnyException();
    }
}
