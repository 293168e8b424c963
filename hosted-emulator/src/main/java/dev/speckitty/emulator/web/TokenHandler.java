package dev.speckitty.emulator.web;

import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.state.CallCounters;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The token endpoint: counts the grant type, checks the common fields, hands over to the grant. */
final class TokenHandler {

    private final CallCounters counters;
    private final TokenRefusals refusals;
    private final AuthorizationCodeExchange codeExchange;
    private final DeviceCodePolling devicePolling;
    private final RefreshRotation refreshRotation;

    TokenHandler(CallCounters counters, TokenRefusals refusals, AuthorizationCodeExchange codeExchange,
                 DeviceCodePolling devicePolling, RefreshRotation refreshRotation) {
        this.counters = counters;
        this.refusals = refusals;
        this.codeExchange = codeExchange;
        this.devicePolling = devicePolling;
        this.refreshRotation = refreshRotation;
    }

    Mono<ServerResponse> token(ServerRequest request) {
        return request.formData().flatMap(this::grant);
    }

    private Mono<ServerResponse> grant(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        Optional<GrantType> type = GrantType.fromWire(grantType);
        counters.grantRequested(type.map(GrantType::key).orElse("unsupported"));
        if (grantType == null || grantType.isBlank()) {
            return refusals.refuse("invalid_request", "grant_type is required.");
        }
        if (type.isEmpty()) {
            return refusals.refuse("unsupported_grant_type",
                    "Supported: authorization_code, refresh_token, urn:ietf:params:oauth:grant-type:device_code.");
        }
        String clientId = form.getFirst("client_id");
        if (clientId == null || clientId.isBlank()) {
            // A public client identifies itself with client_id on every token request (RFC 6749 §3.2.1).
            return refusals.refuse("invalid_request", "client_id is required.");
        }
        return switch (type.get()) {
            case AUTHORIZATION_CODE -> codeExchange.exchange(form, clientId);
            case DEVICE_CODE -> devicePolling.poll(form, clientId);
            case REFRESH_TOKEN -> refreshRotation.rotate(form, clientId);
        };
    }

    static String required(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }
}
