package dev.speckitty.adapters.hosted.status;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.session.Secret;
import java.util.Optional;

/**
 * {@code GET {base}/api/v1/session-status} for {@code auth doctor --server} (docs/spec/hosted-contract.md §2.8).
 * Never throws; the error strings are short and fixed, and only {@code session_id} is read from
 * the body (never family ids, revocation flags or the generation).
 */
public final class WebClientSessionStatusProbe implements SessionStatusProbe {

    static final String PATH = "/api/v1/session-status";
    static final String REAUTHENTICATE = "re-authenticate";
    static final String NOT_FOUND = "Server returned HTTP 404";

    private final HostedEndpoints hosted;
    private final HostedHttpClient http;
    private final IdempotentRetry retry;

    public WebClientSessionStatusProbe(HostedEndpoints hosted, HostedHttpClient http, IdempotentRetry retry) {
        this.hosted = hosted;
        this.http = http;
        this.retry = retry;
    }

    @Override
    public ServerSessionStatus check(Secret accessToken) {
        try {
            return map(retry.execute("GET " + PATH, () -> http.get(hosted.resolve(PATH), accessToken)));
        } catch (HostedTransportException e) {
            return ServerSessionStatus.failed("Network error: " + e.failureType());
        } catch (RuntimeException unexpected) { // broad-catch: doctor server check must never throw
            return ServerSessionStatus.failed("Unexpected error during server check");
        }
    }

    private static ServerSessionStatus map(HostedResponse response) {
        if (response.status() == 401) {
            return ServerSessionStatus.failed(REAUTHENTICATE);
        }
        if (!response.isOk()) {
            return ServerSessionStatus.failed("Server returned HTTP " + response.status());
        }
        Optional<JsonBody> body = response.jsonObject();
        if (body.isEmpty()) {
            return ServerSessionStatus.failed("Invalid response from server");
        }
        return ServerSessionStatus.active(body.get().idText("session_id").orElse(null));
    }
}
