package dev.speckitty.adapters.hosted.health;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.domain.port.HostedHealth;
import java.time.Duration;

/**
 * {@code GET /api/v1/sync/health/} with a short timeout and no credentials: the readiness gate's
 * and {@code sync status --check}'s "does the host answer?". One attempt, never retried.
 */
public final class WebClientHostedHealth implements HostedHealth {

    private static final String PATH = "/api/v1/sync/health/";

    private final HostedEndpoints endpoints;
    private final HostedHttpSettings settings;

    public WebClientHostedHealth(HostedEndpoints endpoints, HostedHttpSettings settings) {
        this.endpoints = endpoints;
        this.settings = settings;
    }

    @Override
    public boolean reachable(Duration timeout) {
        HostedHttpClient http = HostedHttpClient.create(new HostedHttpSettings(timeout, timeout,
                settings.maxBodyBytes(), settings.retry()));
        try {
            int status = http.get(endpoints.resolve(PATH), null).status();
            return status >= 200 && status < 300;
        } catch (HostedTransportException unreachable) {
            return false;
        }
    }
}
