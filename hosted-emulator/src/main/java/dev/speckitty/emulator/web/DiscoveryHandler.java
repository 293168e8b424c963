package dev.speckitty.emulator.web;

import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.state.RuntimeSwitches;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** RFC 8414 authorization server metadata, pointing at whichever path set is active. */
final class DiscoveryHandler {

    private final RuntimeSwitches switches;
    private final ServerAddress address;

    DiscoveryHandler(RuntimeSwitches switches, ServerAddress address) {
        this.switches = switches;
        this.address = address;
    }

    Mono<ServerResponse> metadata(ServerRequest request) {
        OAuthPaths paths = OAuthPaths.active(switches.standardOnly());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", address.baseUrl());
        metadata.put("authorization_endpoint", address.resolve(paths.authorize()));
        metadata.put("token_endpoint", address.resolve(paths.token()));
        metadata.put("device_authorization_endpoint", address.resolve(paths.device()));
        metadata.put("revocation_endpoint", address.resolve(paths.revoke()));
        if (switches.standardOnly()) {
            // The strict server's session check and identity: RFC 7662 and OpenID Connect, not spec-kitty's.
            metadata.put("introspection_endpoint", address.resolve(OAuthPaths.INTROSPECT));
            metadata.put("userinfo_endpoint", address.resolve(OAuthPaths.USERINFO));
        }
        metadata.put("grant_types_supported", List.of(GrantType.AUTHORIZATION_CODE.wireValue(),
                GrantType.REFRESH_TOKEN.wireValue(), GrantType.DEVICE_CODE.wireValue()));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("revocation_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("scopes_supported", List.of("offline_access"));
        return OAuthResponses.json(HttpStatus.OK, metadata);
    }
}
