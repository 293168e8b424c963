package dev.speckitty.emulator.state;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization requests shown on the approval page, until the user presses Approve or Deny. */
public final class PendingApprovals {

    private final Map<String, AuthorizationRequest> byRequestId = new ConcurrentHashMap<>();
    private final TokenGenerator generator;

    public PendingApprovals(TokenGenerator generator) {
        this.generator = generator;
    }

    public String hold(AuthorizationRequest request) {
        String requestId = generator.requestId();
        byRequestId.put(requestId, request);
        return requestId;
    }

    /** Each request is decided once: a second submit of the same form finds nothing. */
    public Optional<AuthorizationRequest> take(String requestId) {
        return Optional.ofNullable(byRequestId.remove(requestId));
    }

    public void clear() {
        byRequestId.clear();
    }
}
