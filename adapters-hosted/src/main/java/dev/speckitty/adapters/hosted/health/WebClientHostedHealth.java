package dev.speckitty.adapters.hosted.health;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.HostedWebClientFactory;
import dev.speckitty.domain.port.HostedHealth;
import java.time.Duration;

/**
 * {@code GET /api/v1/sync/health/} with a short timeout and no credentials: the readiness gate's
 * and {@code sync status --check}'s "does the host answer?". One attempt, never retried.
 */
public final class WebClientHostedHealth implements HostedHealth {

    private static final String PATH = "/api/v1/sync/health/";
    /** The whole call takes at most this long: a backstop for a host that trickles its answer. */
    static final Duration BACKSTOP = Duration.ofSeconds(30);

    private final HostedEndpoints endpoints;
    private final HostedHttpSettings settings;

    public WebClientHostedHealth(HostedEndpoints endpoints, HostedHttpSettings settings) {
        this.endpoints = endpoints;
        this.settings = settings;
    }

    @Override
    public Check check(Duration timeout) {
        // The deadline is the host's: connecting, then answering once the request is on the wire,
        // both timed by Netty's event loop, which handles arrived bytes before due timers. Starting
        // the HTTP stack does not count, so a process starved of CPU (many spec-kitty processes on
        // few cores) does not report its own slowness as an unreachable host.
        HostedHttpSettings probe = new HostedHttpSettings(timeout, timeout, settings.maxBodyBytes(), settings.retry());
        HostedHttpClient http = new HostedHttpClient(HostedWebClientFactory.create(probe),
                timeout.compareTo(BACKSTOP) > 0 ? timeout : BACKSTOP, probe.maxBodyBytes());
        try {
            int status = http.get(endpoints.resolve(PATH), null).status();
            return status >= 200 && status < 300 ? Check.answered()
                    : Check.unreachable("the server answered HTTP " + status);
        } catch (HostedTransportException unreachable) {
            return Check.unreachable(reason(unreachable.failureType(), timeout));
        }
    }

    /** A refused connection, a timeout and anything else are different problems with different fixes. */
    static String reason(String failureType, Duration timeout) {
        if (failureType.contains("Timeout")) {
            long seconds = timeout.toSeconds();
            return "no answer within " + seconds + (seconds == 1 ? " second" : " seconds");
        }
        if (failureType.contains("ConnectException")) {
            return "the connection was refused (nothing listens there, or a firewall said no)";
        }
        if (failureType.contains("UnknownHost")) {
            return "the host name could not be resolved";
        }
        return "the connection failed (" + failureType + ")";
    }
}
