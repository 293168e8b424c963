package dev.speckitty.emulator.state;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.GrantType;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of the work the emulator did, so tests and benchmarks can assert on calls, not just outcomes. */
public final class CallCounters {

    private final ConcurrentMap<String, AtomicLong> endpoints = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> grantRequests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> tokensIssued = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> tokenErrors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicLong> bearerDenials = new ConcurrentHashMap<>();

    public void served(Endpoint endpoint) {
        increment(endpoints, endpoint.key());
    }

    /** A token request by its grant key; an unsupported grant counts under "unsupported". */
    public void grantRequested(String grantKey) {
        increment(grantRequests, grantKey);
    }

    public void tokensIssued(GrantType type) {
        increment(tokensIssued, type.key());
    }

    /** A refusal by the token endpoint, by its error code (e.g. invalid_grant, refresh_replay_benign_retry). */
    public void tokenError(String error) {
        increment(tokenErrors, error);
    }

    /** An API call refused with 401 for its bearer token, by the RFC 6750 error (e.g. access_token_expired). */
    public void bearerDenied(String error) {
        increment(bearerDenials, error);
    }

    public CounterSnapshot snapshot() {
        return new CounterSnapshot(copy(endpoints), copy(grantRequests), copy(tokensIssued), copy(tokenErrors),
                copy(bearerDenials));
    }

    public void clear() {
        endpoints.clear();
        grantRequests.clear();
        tokensIssued.clear();
        tokenErrors.clear();
        bearerDenials.clear();
    }

    private static void increment(ConcurrentMap<String, AtomicLong> counters, String key) {
        counters.computeIfAbsent(key, ignored -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, Long> copy(ConcurrentMap<String, AtomicLong> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }
}
