package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.HostedTransportException;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.session.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth authorization server over WebClient (docs/spec/hosted-contract.md §2.1, §2.3–§2.6). Every call is
 * a single request: token POSTs and revoke are never retried, because a replayed refresh would
 * spend a single-use token twice. Messages carry the status and at most the OAuth error code.
 */
public final class WebClientAuthorizationServer implements AuthorizationServer {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String UNEXPECTED_POLL = "Unexpected response from /oauth/token: ";
    static final String DENIED = "User denied the authorization request. Run `spec-kitty auth login --headless` to try again.";
    static final String EXPIRED = "Device code expired before approval. Run `spec-kitty auth login --headless` to try again.";
    static final long DEFAULT_DEVICE_EXPIRES_IN = 900;
    static final long DEFAULT_DEVICE_INTERVAL = 5;
    static final long MAX_DEVICE_INTERVAL = 3600;
    static final int MAX_REPLAY_RETRY_AFTER = 3600;

    private final HostedEndpoints hosted;
    private final OAuthMetadataDiscovery discovery;
    private final HostedHttpClient http;

    public WebClientAuthorizationServer(HostedEndpoints hosted, OAuthMetadataDiscovery discovery, HostedHttpClient http) {
        this.hosted = hosted;
        this.discovery = discovery;
        this.http = http;
    }

    @Override
    public boolean discovered() {
        return discovery.endpoints().discovered();
    }

    @Override
    public String authorizationUrl(AuthorizationRequest request) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", hosted.clientId());
        query.put("redirect_uri", request.redirectUri());
        query.put("response_type", "code");
        query.put("scope", hosted.scope());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        query.put("state", request.state().reveal());
        String base = discovery.endpoints().authorization().toString();
        return base + (base.contains("?") ? "&" : "?") + formEncode(query);
    }

    // ---- device flow (§2.3) ----

    @Override
    public DeviceAuthorization requestDeviceAuthorization() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", hosted.clientId());
        form.put("scope", hosted.scope());
        HostedResponse response;
        try {
            response = http.postForm(discovery.endpoints().deviceAuthorization(), form);
        } catch (HostedTransportException e) {
            throw new AuthFlowException("Network error requesting device code: " + e.failureType());
        }
        if (!response.isOk()) {
            throw new AuthFlowException("Device code request failed: " + OAuthErrorBody.statusAndCode(response));
        }
        if (response.oversized()) {
            throw new AuthFlowException("Device code response was too large.");
        }
        JsonBody body = response.jsonObject()
                .orElseThrow(() -> new AuthFlowException("Device code response was not JSON."));
        String deviceCode = requireDeviceField(body, "device_code");
        String userCode = requireDeviceField(body, "user_code");
        String verificationUri = requireDeviceField(body, "verification_uri");
        return new DeviceAuthorization(
                Secret.of(deviceCode),
                userCode,
                verificationUri,
                body.nonBlankString("verification_uri_complete").orElse(null),
                deviceNumber(body, "expires_in", DEFAULT_DEVICE_EXPIRES_IN, 1, TokenLifetimes.MAX_LIFETIME_SECONDS),
                deviceNumber(body, "interval", DEFAULT_DEVICE_INTERVAL, 0, MAX_DEVICE_INTERVAL));
    }

    private static String requireDeviceField(JsonBody body, String field) {
        return body.nonBlankString(field)
                .orElseThrow(() -> new AuthFlowException("Device code response missing required field: '" + field + "'"));
    }

    private static long deviceNumber(JsonBody body, String field, long fallback, long min, long max) {
        if (!body.has(field)) {
            return fallback;
        }
        return body.integer(field)
                .filter(n -> n >= min && n <= max)
                .orElseThrow(() -> new AuthFlowException("Device code response has invalid '" + field + "'."));
    }

    @Override
    public DevicePoll pollDeviceToken(Secret deviceCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", DEVICE_GRANT);
        form.put("device_code", deviceCode.reveal());
        form.put("client_id", hosted.clientId());
        HostedResponse response;
        try {
            response = http.postForm(discovery.endpoints().token(), form);
        } catch (HostedTransportException e) {
            return new DevicePoll.TransportFailed("Network error polling for the device token: " + e.failureType());
        }
        if ((response.status() != 200 && response.status() != 400) || response.oversized()) {
            return new DevicePoll.Failed(UNEXPECTED_POLL + OAuthErrorBody.statusAndCode(response, deviceCode));
        }
        Optional<JsonBody> json = response.jsonObject();
        if (json.isEmpty()) {
            return new DevicePoll.Failed("Token poll response was not JSON (HTTP " + response.status() + ").");
        }
        JsonBody body = json.get();
        if (!body.has("error")) {
            if (response.status() != 200) {
                return new DevicePoll.Failed(UNEXPECTED_POLL + "HTTP " + response.status());
            }
            try {
                return new DevicePoll.Granted(TokenResponseParser.login(body));
            } catch (AuthFlowException invalid) {
                return new DevicePoll.Failed(invalid.getMessage());
            }
        }
        String error = body.string("error").orElse("");
        return switch (error) {
            case "authorization_pending" -> new DevicePoll.Pending();
            case "slow_down" -> new DevicePoll.SlowDown();
            case "access_denied" -> new DevicePoll.Denied(DENIED);
            case "expired_token" -> new DevicePoll.Expired(EXPIRED);
            default -> new DevicePoll.Denied("Unexpected device flow error: " + describe(body, deviceCode));
        };
    }

    /** The server's description made safe, else its error code, else a placeholder. */
    private static String describe(JsonBody body, Secret sent) {
        String description = body.string("error_description").map(d -> SafeText.serverMessage(d, sent)).orElse("");
        if (!description.isBlank()) {
            return description;
        }
        return OAuthErrorBody.code(body, sent).orElse("(unrecognised error)");
    }

    // ---- authorization code (§2.4) ----

    @Override
    public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code.reveal());
        form.put("redirect_uri", request.redirectUri());
        form.put("client_id", hosted.clientId());
        form.put("code_verifier", request.codeVerifier().reveal());
        HostedResponse response;
        try {
            response = http.postForm(discovery.endpoints().token(), form);
        } catch (HostedTransportException e) {
            throw new AuthFlowException("Network error during code exchange: " + e.failureType());
        }
        if (!response.isOk() || response.oversized()) {
            throw new AuthFlowException("Token exchange failed: "
                    + OAuthErrorBody.statusAndCode(response, code, request.codeVerifier(), request.state()));
        }
        JsonBody body = response.jsonObject()
                .orElseThrow(() -> new AuthFlowException("Token exchange returned invalid JSON."));
        return TokenResponseParser.login(body);
    }

    // ---- refresh (§2.5): one request, never retried ----

    @Override
    public void resolveEndpoints() {
        discovery.endpoints(); // remembered for the process; falls back to the defaults when unreachable
    }

    @Override
    public RefreshResult refresh(Secret refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.reveal());
        form.put("client_id", hosted.clientId());
        HostedResponse response;
        try {
            response = http.postForm(discovery.endpoints().token(), form);
        } catch (HostedTransportException e) {
            return new RefreshResult.TransportFailed("Network error during refresh: " + e.failureType(),
                    e.failureType().contains("Timeout"));
        }
        return RefreshResponseMapper.map(response, refreshToken);
    }

    // ---- revoke (§2.6): never throws ----

    @Override
    public RevokeOutcome revoke(Secret refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return RevokeOutcome.NO_REFRESH_TOKEN;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", refreshToken.reveal());
        form.put("token_type_hint", "refresh_token");
        // A public client authenticates by naming itself (RFC 7009 §2.1, RFC 6749 §2.3.1; decision 16).
        form.put("client_id", hosted.clientId());
        try {
            OAuthEndpoints endpoints = discovery.endpoints();
            HostedResponse response = http.postForm(endpoints.revocation(), form);
            return response.isOk() && revokedBy(response, endpoints.discovered())
                    ? RevokeOutcome.REVOKED : RevokeOutcome.SERVER_FAILURE;
        } catch (HostedTransportException e) {
            return RevokeOutcome.NETWORK_ERROR;
        } catch (RuntimeException unexpected) { // broad-catch: logout must finish locally whatever revoke does
            return RevokeOutcome.SERVER_FAILURE;
        }
    }

    /**
     * Whether a 200 confirms the revocation. spec-kitty's server says so with {@code "revoked": true};
     * a standards server answers an empty 200 (RFC 7009 §2.2), which counts only when its endpoints
     * came from RFC 8414 metadata. A {@code "revoked"} field, when sent, always decides.
     */
    private static boolean revokedBy(HostedResponse response, boolean standardsServer) {
        Optional<Boolean> said = response.jsonObject().flatMap(body -> body.bool("revoked"));
        if (said.isPresent()) {
            return said.get();
        }
        return standardsServer && response.jsonObject().map(body -> !body.has("revoked")).orElse(true);
    }

    private static String formEncode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
