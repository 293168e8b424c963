package dev.speckitty.adapters.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HostedEndpointsTest {

    @Test
    void trailingSlashesAreStrippedAndDefaultsApplied() {
        HostedEndpoints endpoints = HostedEndpoints.of(" https://app.example.test/base// ");
        assertThat(endpoints.baseUrl()).isEqualTo("https://app.example.test/base");
        assertThat(endpoints.clientId()).isEqualTo("cli_native");
        assertThat(endpoints.scope()).isEqualTo("offline_access");
        assertThat(endpoints.resolve("/api/v1/me")).isEqualTo(URI.create("https://app.example.test/base/api/v1/me"));
    }

    @Test
    void overridesAreKeptAndBlankOnesDefault() {
        assertThat(new HostedEndpoints("http://127.0.0.1:8080", "my_client", "openid").clientId()).isEqualTo("my_client");
        assertThat(new HostedEndpoints("http://127.0.0.1:8080", " ", null).clientId()).isEqualTo("cli_native");
    }

    @Test
    void unusableBaseUrlsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostedEndpoints.of("/"));
        assertThatIllegalArgumentException().isThrownBy(() -> HostedEndpoints.of("ftp://example.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> HostedEndpoints.of("example.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> HostedEndpoints.of("https://example.test/?token=x"));
        assertThatIllegalArgumentException().isThrownBy(() -> HostedEndpoints.of("https://user:pw@example.test"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HostedEndpoints.of("https://user:secret_pw@exa mple.test"))
                .withMessageNotContaining("secret_pw");
    }
}
