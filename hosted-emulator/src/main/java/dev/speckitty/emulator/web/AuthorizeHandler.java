package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.AuthorizationCodes;
import dev.speckitty.emulator.state.AuthorizationRequest;
import dev.speckitty.emulator.state.PendingApprovals;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The browser side of the authorization-code grant: validates the request, then either redirects with a
 * code at once (auto-approve) or shows an Approve/Deny page whose form posts to {@code /consent}.
 */
final class AuthorizeHandler {

    static final String CONSENT_PATH = "/consent";

    private final RuntimeSwitches switches;
    private final PendingApprovals approvals;
    private final AuthorizationCodes codes;
    private final UserDirectory users;

    AuthorizeHandler(RuntimeSwitches switches, PendingApprovals approvals, AuthorizationCodes codes,
                     UserDirectory users) {
        this.switches = switches;
        this.approvals = approvals;
        this.codes = codes;
        this.users = users;
    }

    Mono<ServerResponse> authorize(ServerRequest request) {
        String clientId = request.queryParam("client_id").orElse("");
        String redirectUri = request.queryParam("redirect_uri").orElse("");
        String state = request.queryParam("state").orElse(null);
        // Without a trustworthy redirect URI there is nowhere safe to send an error (RFC 6749 §4.1.2.1).
        if (clientId.isBlank()) {
            return Html.page(HttpStatus.BAD_REQUEST, "Invalid request", "<p>client_id is required.</p>");
        }
        if (!LoopbackRedirect.isAllowed(redirectUri)) {
            return Html.page(HttpStatus.BAD_REQUEST, "Invalid redirect URI",
                    "<p>redirect_uri must be http://127.0.0.1:&lt;port&gt;/… or http://localhost:&lt;port&gt;/….</p>");
        }
        if (!"code".equals(request.queryParam("response_type").orElse(null))) {
            return redirectError(redirectUri, "unsupported_response_type", "Only response_type=code is supported.", state);
        }
        if (!"S256".equals(request.queryParam("code_challenge_method").orElse(null))) {
            return redirectError(redirectUri, "invalid_request", "PKCE with code_challenge_method=S256 is required.", state);
        }
        String challenge = request.queryParam("code_challenge").orElse(null);
        if (!Pkce.isWellFormedChallenge(challenge)) {
            return redirectError(redirectUri, "invalid_request", "code_challenge must be 43 base64url characters.", state);
        }
        String scope = request.queryParam("scope").filter(s -> !s.isBlank()).orElse("offline_access");
        AuthorizationRequest authorization = new AuthorizationRequest(clientId, redirectUri, scope, challenge, state);
        if (switches.autoApprove()) {
            return redirectWithCode(authorization);
        }
        return approvalPage(authorization);
    }

    Mono<ServerResponse> consent(ServerRequest request) {
        return request.formData().flatMap(form -> decide(form));
    }

    private Mono<ServerResponse> decide(MultiValueMap<String, String> form) {
        String requestId = form.getFirst("request_id");
        var held = approvals.take(requestId == null ? "" : requestId);
        if (held.isEmpty()) {
            return Html.page(HttpStatus.BAD_REQUEST, "Request not found",
                    "<p>This sign-in request is unknown or was already decided. Start again from your terminal.</p>");
        }
        AuthorizationRequest authorization = held.get();
        if ("approve".equals(form.getFirst("decision"))) {
            return redirectWithCode(authorization);
        }
        return redirectError(authorization.redirectUri(), "access_denied", "The user denied the request.",
                authorization.state());
    }

    private Mono<ServerResponse> approvalPage(AuthorizationRequest authorization) {
        String requestId = approvals.hold(authorization);
        String body = """
                <p>The application <b>%s</b> asks to sign in to Spec Kitty as <b>%s</b> (scope %s).</p>
                <form method="post" action="%s">
                <input type="hidden" name="request_id" value="%s">
                <button type="submit" name="decision" value="approve">Approve</button>
                <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """.formatted(Html.escape(authorization.clientId()), Html.escape(users.signedInUser().email()),
                Html.escape(authorization.scope()), CONSENT_PATH, Html.escape(requestId));
        return Html.page(HttpStatus.OK, "Authorize Spec Kitty CLI", body);
    }

    private Mono<ServerResponse> redirectWithCode(AuthorizationRequest authorization) {
        String code = codes.issue(authorization, users.signedInUser().userId());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", authorization.state());
        return ServerResponse.status(HttpStatus.FOUND)
                .location(LoopbackRedirect.withParameters(authorization.redirectUri(), parameters))
                .build();
    }

    private static Mono<ServerResponse> redirectError(String redirectUri, String error, String description,
                                                      String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        return ServerResponse.status(HttpStatus.FOUND)
                .location(LoopbackRedirect.withParameters(redirectUri, parameters))
                .build();
    }
}
