package dev.speckitty.adapters.hosted.http;

import dev.speckitty.adapters.hosted.HostedHttpSettings;
import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Builds the one WebClient every hosted adapter shares: connect and response timeouts, a capped
 * in-memory body, and no redirect following (a redirect is answered as an error by the adapters,
 * so a bearer token is never replayed to another host).
 */
public final class HostedWebClientFactory {

    private HostedWebClientFactory() {}

    public static WebClient create(HostedHttpSettings settings) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .responseTimeout(settings.callTimeout())
                .followRedirect(false)
                .compress(false); // bodies are tiny; decompression would sidestep the size cap
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(settings.maxBodyBytes()))
                .build();
    }
}
