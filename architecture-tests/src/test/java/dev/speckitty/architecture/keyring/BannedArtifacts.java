package dev.speckitty.architecture.keyring;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Libraries that reach an OS credential store. Matching is by name fragment so renamed or split
 * artifacts (dbus-java-core, dbus-java-transport-…) are caught too. jna-platform itself is not listed:
 * JNA has harmless uses, and its credential bindings are banned class by class in {@link KeyringApis}.
 */
final class BannedArtifacts {

    static final String WHY = "CLI auth uses only the encrypted file store under $SPEC_KITTY_HOME/auth, "
            + "so no keyring, Keychain, Secret Service or credential-manager library may be a runtime dependency";

    private record Ban(String fragment, String what) {
        boolean matches(ResolvedArtifact artifact) {
            String name = (artifact.groupId() + ":" + artifact.artifactId()).toLowerCase(Locale.ROOT);
            return name.contains(fragment);
        }
    }

    private static final List<Ban> BANS = List.of(
            new Ban("keyring", "a keyring binding such as java-keyring"),
            new Ban("keychain", "a macOS Keychain binding such as jkeychain"),
            new Ban("secret-service", "a freedesktop Secret Service client"),
            new Ban("secretservice", "a freedesktop Secret Service client"),
            new Ban("libsecret", "a libsecret binding"),
            new Ban("dbus-java", "D-Bus, the transport of Secret Service"),
            new Ban("keytar", "a keytar port"),
            new Ban("credential-manager", "a Windows Credential Manager binding"),
            new Ban("credentialmanager", "a Windows Credential Manager binding"),
            new Ban("wincred", "a Windows Credential Manager binding"),
            new Ban("com.microsoft.alm:auth-secure-storage", "Microsoft's OS credential-store wrapper"));

    private BannedArtifacts() {
    }

    /** One message per banned artifact, naming it; empty when the list is clean. */
    static List<String> violations(List<ResolvedArtifact> runtimeArtifacts) {
        return runtimeArtifacts.stream()
                .flatMap(artifact -> firstBanMatching(artifact).map(ban -> message(artifact, ban)).stream())
                .toList();
    }

    private static Optional<Ban> firstBanMatching(ResolvedArtifact artifact) {
        return BANS.stream().filter(ban -> ban.matches(artifact)).findFirst();
    }

    private static String message(ResolvedArtifact artifact, Ban ban) {
        return artifact.coordinates() + " (" + artifact.scope() + ") is " + ban.what() + ": " + WHY;
    }
}
