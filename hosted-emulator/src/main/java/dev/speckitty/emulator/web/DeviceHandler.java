package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.DeviceAuthorizations;
import dev.speckitty.emulator.state.DeviceGrant;
import dev.speckitty.emulator.state.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The device authorization endpoint (RFC 8628 §3.1) and the verification page a person opens. */
final class DeviceHandler {

    static final String VERIFICATION_PATH = "/device";

    private final DeviceAuthorizations devices;
    private final UserDirectory users;
    private final ServerAddress address;

    DeviceHandler(DeviceAuthorizations devices, UserDirectory users, ServerAddress address) {
        this.devices = devices;
        this.users = users;
        this.address = address;
    }

    Mono<ServerResponse> authorizeDevice(ServerRequest request) {
        return request.formData().flatMap(form -> {
            String clientId = form.getFirst("client_id");
            if (clientId == null || clientId.isBlank()) {
                return OAuthResponses.error(HttpStatus.BAD_REQUEST, "invalid_request", "client_id is required.");
            }
            String scope = form.getFirst("scope");
            DeviceGrant grant = devices.start(clientId, scope == null || scope.isBlank() ? "offline_access" : scope);
            String verificationUri = address.resolve(VERIFICATION_PATH);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("device_code", grant.deviceCode());
            body.put("user_code", grant.userCode());
            body.put("verification_uri", verificationUri);
            body.put("verification_uri_complete", verificationUri + "?user_code="
                    + URLEncoder.encode(grant.userCode(), StandardCharsets.UTF_8));
            body.put("expires_in", grant.expiresInSeconds());
            body.put("interval", grant.intervalSeconds());
            return OAuthResponses.json(HttpStatus.OK, body);
        });
    }

    Mono<ServerResponse> verificationPage(ServerRequest request) {
        String userCode = request.queryParam("user_code").orElse("");
        String body = """
                <p>Signed in as <b>%s</b>. Enter the code shown in your terminal.</p>
                <form method="post" action="%s">
                <input name="user_code" value="%s" autocomplete="off">
                <button type="submit" name="decision" value="approve">Approve</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """.formatted(Html.escape(users.signedInUser().email()), VERIFICATION_PATH, Html.escape(userCode));
        return Html.page(HttpStatus.OK, "Connect a device", body);
    }

    Mono<ServerResponse> verify(ServerRequest request) {
        return request.formData().flatMap(form -> {
            boolean approve = "approve".equals(form.getFirst("decision"));
            boolean decided = devices.decide(form.getFirst("user_code"), approve, users.signedInUser().userId());
            if (!decided) {
                return Html.page(HttpStatus.BAD_REQUEST, "Code not accepted",
                        "<p>The code is unknown, expired or already used.</p>");
            }
            return approve
                    ? Html.page(HttpStatus.OK, "Device approved", "<p>You can return to your terminal.</p>")
                    : Html.page(HttpStatus.OK, "Device denied", "<p>The request was denied.</p>");
        });
    }
}
