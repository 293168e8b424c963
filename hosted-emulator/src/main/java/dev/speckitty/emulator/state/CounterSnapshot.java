package dev.speckitty.emulator.state;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import java.util.Map;

/**
 * Calls served per endpoint key, token requests per grant key, and tokens issued per grant key.
 * "Exactly one refresh" is {@code tokensIssued(GrantType.REFRESH_TOKEN) == 1}.
 */
public record CounterSnapshot(Map<String, Long> endpoints, Map<String, Long> grantRequests,
                              Map<String, Long> tokensIssued) {

    public CounterSnapshot {
        endpoints = Map.copyOf(endpoints);
        grantRequests = Map.copyOf(grantRequests);
        tokensIssued = Map.copyOf(tokensIssued);
    }

    public long calls(Endpoint endpoint) {
        return endpoints.getOrDefault(endpoint.key(), 0L);
    }

    public long grantRequests(GrantType type) {
        return grantRequests.getOrDefault(type.key(), 0L);
    }

    public long tokensIssued(GrantType type) {
        return tokensIssued.getOrDefault(type.key(), 0L);
    }
}
