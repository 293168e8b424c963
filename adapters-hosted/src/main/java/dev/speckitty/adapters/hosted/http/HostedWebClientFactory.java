package dev.speckitty.adapters.hosted.http;

import dev.speckitty.adapters.hosted.HostedHttpSettings;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Builds the one WebClient every hosted adapter shares: connect and response timeouts, a capped
 * in-memory body, one connection per call with no transport-level resend, and no redirect
 * following (adapters treat a redirect as an error, so a bearer token never goes to another host).
 */
public final class HostedWebClientFactory {

    private HostedWebClientFactory() {}

    public static WebClient create(HostedHttpSettings settings) {
        // A fresh connection per call and no Reactor Netty retry: a stale pooled connection can
        // never trigger a silent resend, so each token POST reaches the wire at most once.
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection())
                .disableRetry(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis(settings))
                .responseTimeout(settings.callTimeout())
                .followRedirect(false)
                .compress(false); // bodies are tiny; decompression would sidestep the size cap
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(settings.maxBodyBytes()))
                .build();
    }

    private static int connectMillis(HostedHttpSettings settings) {
        return (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
    }
}
