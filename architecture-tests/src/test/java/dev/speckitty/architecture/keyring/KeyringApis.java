package dev.speckitty.architecture.keyring;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * OS credential stores the CLI must never touch (docs/spec/behaviour.md §6): it keeps its session only in the
 * encrypted file store under $SPEC_KITTY_HOME/auth, on every OS.
 */
public final class KeyringApis {

    private static final String[] KEYRING_PACKAGES = {
        "com.github.javakeyring..",      // java-keyring
        "net.east301.keyring..",         // the older java-keyring
        "pt.davidafsilva.apple..",       // jkeychain (macOS Keychain)
        "de.swiesend.secretservice..",   // secret-service (freedesktop Secret Service)
        "org.freedesktop.secret..",
        "org.freedesktop.dbus..",        // dbus-java, the transport Secret Service clients use
        "com.microsoft.credentialmanager..",
        "com.microsoft.alm.secret..",    // Microsoft auth-secure-storage (Windows Credential Manager)
        "com.microsoft.alm.storage..",
    };

    /** JNA itself is fine; only its bindings to the Windows credential APIs and the macOS Keychain are not. */
    private static final String JNA_CREDENTIAL_CLASSES =
            "com\\.sun\\.jna\\.platform\\.win32\\.(Crypt32|Advapi32|WinCred)\\w*(\\$.*)?"
                    + "|com\\.sun\\.jna\\.platform\\.mac\\.\\w*Keychain\\w*(\\$.*)?";

    private KeyringApis() {
    }

    public static DescribedPredicate<JavaClass> keyringApis() {
        return resideInAnyPackage(KEYRING_PACKAGES)
                .or(nameMatching(JNA_CREDENTIAL_CLASSES))
                .as("keyring, Keychain, Secret Service or credential-manager APIs");
    }

    public static ArchRule noKeyringApiUse() {
        return noClasses()
                .that().resideInAPackage("dev.speckitty..")
                .should().dependOnClassesThat(keyringApis())
                .because("CLI auth uses only the encrypted file store under $SPEC_KITTY_HOME/auth");
    }
}
