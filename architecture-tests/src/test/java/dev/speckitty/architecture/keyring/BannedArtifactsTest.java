package dev.speckitty.architecture.keyring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BannedArtifactsTest {

    @Test
    void a_synthetic_list_with_java_keyring_fails_naming_the_artifact() {
        List<ResolvedArtifact> runtime = ResolvedArtifact.parse(List.of(
                "The following files have been resolved:",
                "   com.github.javakeyring:java-keyring:jar:1.0.4:compile -- module java.keyring",
                "   tools.jackson.core:jackson-databind:jar:3.0.2:compile -- module tools.jackson.databind"));

        assertThat(BannedArtifacts.violations(runtime)).singleElement().asString()
                .contains("com.github.javakeyring:java-keyring:1.0.4")
                .contains("CLI auth uses only the encrypted file store under $SPEC_KITTY_HOME/auth");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pt.davidafsilva.apple:jkeychain:jar:1.1.0:compile",
        "de.swiesend:secret-service:jar:2.0.1-alpha:runtime",
        "com.github.hypfvieh:dbus-java-core:jar:5.1.0:compile",
        "com.github.hypfvieh:dbus-java-transport-native-unixsocket:jar:5.1.0:runtime",
        "org.example:keytar-java:jar:1.0:compile",
        "com.microsoft.alm:auth-secure-storage:jar:0.6.4:compile",
        "org.example:windows-credential-manager:jar:2.0:compile",
        "org.example:java-keyring:jar:tests:1.0:compile",
    })
    void every_kind_of_credential_store_library_is_banned(String line) {
        String coordinates = String.join(":", line.split(":")[0], line.split(":")[1]);

        assertThat(BannedArtifacts.violations(ResolvedArtifact.parse(List.of(line))))
                .singleElement().asString().startsWith(coordinates + ":");
    }

    @Test
    void ordinary_libraries_including_plain_jna_pass() {
        List<ResolvedArtifact> runtime = ResolvedArtifact.parse(List.of(
                "   net.java.dev.jna:jna-platform:jar:5.17.0:compile",
                "   org.springframework:spring-webflux:jar:7.0.2:compile",
                "   org.bouncycastle:bcprov-jdk18on:jar:1.87:compile"));

        assertThat(runtime).hasSize(3);
        assertThat(BannedArtifacts.violations(runtime)).isEmpty();
    }

    @Test
    void the_parser_reads_classifiers_and_ignores_module_notes() {
        assertThat(ResolvedArtifact.parse(List.of(
                "   io.netty:netty-transport-native-epoll:jar:linux-x86_64:4.2.7.Final:runtime -- module x")))
                .containsExactly(new ResolvedArtifact("io.netty", "netty-transport-native-epoll", "4.2.7.Final", "runtime"));
    }
}
