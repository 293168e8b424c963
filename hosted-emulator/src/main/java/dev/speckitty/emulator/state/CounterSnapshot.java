package dev.speckitty.emulator.state;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import java.util.Map;

/**
 * Calls served per endpoint key, token requests per grant key, tokens issued per grant key, the
 * token endpoint's refusals per error code, and the bearer tokens API calls refused per error code.
 * "Exactly one refresh" is {@code tokensIssued(GrantType.REFRESH_TOKEN) == 1}; "no refresh token
 * was spent twice" is {@code tokenErrors("invalid_grant") == 0} (with the default replay window of 0).
 */
public record CounterSnapshot(Map<String, Long> endpoints, Map<String, Long> grantRequests,
                              Map<String, Long> tokensIssued, Map<String, Long> tokenErrors,
                              Map<String, Long> bearerDenials) {

    public CounterSnapshot {
        endpoints = Map.copyOf(endpoints);
        grantRequests = Map.copyOf(grantRequests);
        tokensIssued = Map.copyOf(tokensIssued);
        tokenErrors = Map.copyOf(tokenErrors);
        bearerDenials = Map.copyOf(bearerDenials);
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

    /** Token-endpoint answers with this RFC 6749 §5.2 {@code error} (or the 409 {@code refresh_replay_benign_retry}). */
    public long tokenErrors(String error) {
        return tokenErrors.getOrDefault(error, 0L);
    }

    /** API calls answered 401 because of their bearer token, with this RFC 6750 {@code error}. */
    public long bearerDenials(String error) {
        return bearerDenials.getOrDefault(error, 0L);
    }
}
