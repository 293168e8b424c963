package dev.speckitty.adapters.hosted.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.speckitty.adapters.hosted.HostedWireMockTest;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HostedHttpClientTest extends HostedWireMockTest {

    private URI uri() {
        return URI.create(baseUrl() + "/x");
    }

    @Test
    void bodyAndStatusAreReturnedButNeverPrinted() {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(418).withBody("BODY_MARKER_x")));
        HostedResponse response = http.get(uri(), null);
        assertThat(response.status()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("BODY_MARKER_x");
        assertThat(seen(response)).hasToString("HostedResponse[status=418]");
    }

    @Test
    void oversizedBodyIsDroppedNotBuffered() {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withBody("y".repeat(2 * 1024 * 1024))));
        HostedResponse response = seen(http.get(uri(), null));
        assertThat(response.oversized()).isTrue();
        assertThat(response.body()).isEmpty();
        assertThat(response.jsonObject()).isEmpty();
    }

    @Test
    void anUnknownCharsetIsReadAsUtf8InsteadOfThrowing() {
        // Before: bodyToMono(String) parsed Content-Type and threw InvalidMediaTypeException out of every call.
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=x-no-such-charset").withBody("{\"name\":\"Zoë\"}")));
        assertThat(http.get(uri(), null).body()).isEqualTo("{\"name\":\"Zoë\"}");
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=\"").withBody("{}")));
        assertThat(http.get(uri(), null).body()).isEqualTo("{}");
    }

    @Test
    void aDeclaredSupportedCharsetIsHonoured() {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=ISO-8859-1")
                .withBody("Zo\u00eb".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))));
        assertThat(http.get(uri(), null).body()).isEqualTo("Zoë");
    }

    @Test
    void aBodyJustUnderTheCapIsKeptAndOneByteMoreIsNot() {
        HostedHttpClient small = HostedHttpClient.create(dev.speckitty.adapters.hosted.HostedHttpSettings.defaults()
                .withCallTimeout(CALL_TIMEOUT));
        int cap = dev.speckitty.adapters.hosted.HostedHttpSettings.DEFAULT_MAX_BODY_BYTES;
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withBody("y".repeat(cap))));
        assertThat(small.get(uri(), null).body()).hasSize(cap);
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withBody("y".repeat(cap + 1))));
        assertThat(small.get(uri(), null).oversized()).isTrue();
    }

    @Test
    void timeoutIsATransportFailureNamedByType() {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withFixedDelay(SLOW_MILLIS)));
        assertThatThrownBy(() -> http.get(uri(), secret(ACCESS)))
                .isInstanceOf(HostedTransportException.class)
                .satisfies(e -> assertThat(((HostedTransportException) seen(e)).failureType()).endsWith("TimeoutException"));
    }

    @Test
    void resetIsATransportFailure() {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> http.get(uri(), secret(ACCESS))).isInstanceOf(HostedTransportException.class);
    }

    @Test
    void typeNameIsTheRootCause() {
        assertThat(HostedHttpClient.typeName(new IllegalStateException("wrap", new TimeoutException("GET http://h/?token=x"))))
                .isEqualTo("TimeoutException");
        assertThat(new HostedTransportException("ConnectException").getMessage()).isEqualTo("ConnectException");
    }

    @Test
    void jsonBodyNeverPrintsItsContent() {
        assertThat(JsonBody.parseObject("{\"access_token\":\"at_SENTINEL_x\"}").orElseThrow())
                .hasToString("JsonBody[redacted]");
    }
}
