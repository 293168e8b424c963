package dev.speckitty.adapters.hosted.http;

import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.domain.session.Secret;
import io.netty.channel.ChannelException;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * Blocking single-shot HTTP over WebClient: one request, the status and the whole (capped) body,
 * or a {@link HostedTransportException}. No retries here; callers that may retry wrap this in
 * {@link IdempotentRetry}.
 */
public final class HostedHttpClient {

    private final WebClient webClient;
    private final Duration callTimeout;
    private final int maxBodyBytes;

    public HostedHttpClient(WebClient webClient, Duration callTimeout, int maxBodyBytes) {
        this.webClient = webClient;
        this.callTimeout = callTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static HostedHttpClient create(HostedHttpSettings settings) {
        return new HostedHttpClient(HostedWebClientFactory.create(settings), settings.callTimeout(), settings.maxBodyBytes());
    }

    /** GET with an optional bearer token (null for none). */
    public HostedResponse get(URI uri, Secret bearer) {
        WebClient.RequestHeadersSpec<?> spec = webClient.get().uri(uri).accept(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.reveal());
        }
        return exchange(spec);
    }

    /** GET with a bearer token and extra headers (e.g. {@code X-Team-Slug}). */
    public HostedResponse get(URI uri, Secret bearer, Map<String, String> headers) {
        WebClient.RequestHeadersSpec<?> spec = webClient.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.reveal());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            spec = spec.header(header.getKey(), header.getValue());
        }
        return exchange(spec);
    }

    /** POST a ready-made body (e.g. gzip JSON) with a bearer token and the given headers. */
    public HostedResponse postBytes(URI uri, Secret bearer, Map<String, String> headers, byte[] body) {
        WebClient.RequestBodySpec spec = webClient.post().uri(uri).accept(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer.reveal());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            spec = spec.header(header.getKey(), header.getValue());
        }
        return exchange(spec.bodyValue(body));
    }

    /** POST {@code application/x-www-form-urlencoded}, fields in the map's iteration order, no Authorization header. */
    public HostedResponse postForm(URI uri, Map<String, String> form) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        form.forEach(fields::add);
        return exchange(webClient.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData(fields)));
    }

    private HostedResponse exchange(WebClient.RequestHeadersSpec<?> spec) {
        return spec.exchangeToMono(this::read)
                .timeout(callTimeout)
                .onErrorMap(HostedHttpClient::isMalformedResponse,
                        e -> new HostedTransportException(HostedTransportException.MALFORMED_RESPONSE))
                .onErrorMap(HostedHttpClient::isTransportFailure, e -> new HostedTransportException(typeName(e)))
                .block();
    }

    private Mono<HostedResponse> read(ClientResponse response) {
        int status = response.statusCode().value();
        // Raw buffers, not bodyToMono(String): a codec would parse Content-Type first, and a hostile
        // one ("charset=x-unknown") would throw InvalidMediaTypeException out of every call.
        return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBodyBytes)
                .map(buffer -> HostedResponse.of(status, text(buffer, charsetOf(response))))
                .defaultIfEmpty(HostedResponse.of(status, ""))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(HostedResponse.oversized(status)));
    }

    private static String text(DataBuffer buffer, Charset charset) {
        try {
            return buffer.toString(charset);
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The declared charset when it is a valid, supported one; UTF-8 (JSON's own, RFC 8259 §8.1) otherwise. */
    static Charset charsetOf(ClientResponse response) {
        try {
            return response.headers().contentType().map(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
        } catch (InvalidMediaTypeException unparseable) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * An answer Netty could not decode as HTTP/1.1: a garbage status line, an oversized header, non-HTTP bytes,
     * broken chunk framing. Netty reports these as a {@code DecoderException} or as the {@code NumberFormatException}
     * / {@code IllegalArgumentException} its HTTP codec threw (a chunk size, a status code, a version); the latter
     * used to escape as an internal error. Their messages quote the server's bytes, so only the kind is kept.
     */
    static boolean isMalformedResponse(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DecoderException
                    || (cause instanceof IllegalArgumentException && thrownByNettysHttpCodec(cause))) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByNettysHttpCodec(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            if (frame.getClassName().startsWith("io.netty.handler.codec.http.")) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransportFailure(Throwable error) {
        return error instanceof WebClientException
                || error instanceof TimeoutException
                || error instanceof IOException
                || error instanceof ChannelException;
    }

    /** The most specific cause's simple name, e.g. ConnectException rather than WebClientRequestException. */
    static String typeName(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String name = root.getClass().getSimpleName();
        return name.isEmpty() ? root.getClass().getName().replaceAll(".*[.$]", "") : name;
    }
}
