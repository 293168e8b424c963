package dev.speckitty.adapters.hosted.status;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.session.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7662 token introspection of the access token, for {@code auth doctor --server} on a standards
 * server (decision 16). The public client names itself with {@code client_id}. Only {@code active}
 * and {@code exp} are read: scopes, subjects and the rest are never shown. Never throws.
 */
final class IntrospectionProbe {

    private final HostedEndpoints hosted;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;

    IntrospectionProbe(HostedEndpoints hosted, HostedHttpClient http, IdempotentRetry retry) {
        this.hosted = hosted;
        this.http = http;
        this.retry = retry;
    }

    ServerSessionStatus check(URI endpoint, Secret accessToken) {
        return ask(endpoint, accessToken).via(ServerSessionStatus.Method.INTROSPECTION);
    }

    private ServerSessionStatus ask(URI endpoint, Secret accessToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", accessToken.reveal());
        form.put("token_type_hint", "access_token");
        form.put("client_id", hosted.clientId());
        try {
            // A read that changes nothing at the server, so retried like the idempotent GETs.
            return map(retry.execute("POST introspection", () -> http.postForm(endpoint, form)));
        } catch (HostedTransportException e) {
            return ServerSessionStatus.failed("Network error: " + e.failureType());
        } catch (RuntimeException unexpected) { // broad-catch: doctor server check must never throw
            return ServerSessionStatus.failed("Unexpected error during server check");
        }
    }

    private static ServerSessionStatus map(HostedResponse response) {
        if (!response.isOk()) {
            return ServerSessionStatus.failed("Server returned HTTP " + response.status());
        }
        Optional<Boolean> active = response.jsonObject().flatMap(body -> body.bool("active"));
        if (active.isEmpty() || response.oversized()) {
            return ServerSessionStatus.failed("Invalid response from server");
        }
        if (!active.get()) {
            return ServerSessionStatus.failed(WebClientSessionStatusProbe.REAUTHENTICATE);
        }
        return ServerSessionStatus.activeUntil(response.jsonObject().flatMap(IntrospectionProbe::expiry).orElse(null));
    }

    /** {@code exp} in seconds since the epoch (RFC 7662 §2.2); an absurd value is treated as absent. */
    private static Optional<Instant> expiry(JsonBody body) {
        return body.integer("exp").filter(seconds -> seconds > 0 && seconds < Instant.MAX.getEpochSecond())
                .map(Instant::ofEpochSecond);
    }
}
