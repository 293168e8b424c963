package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.SafeText;
import dev.speckitty.domain.session.Secret;
import java.util.Optional;

/** Reads the RFC 6749 error body ({@code {"error": ..., "error_description": ...}}) without trusting it. */
final class OAuthErrorBody {

    private OAuthErrorBody() {}

    /**
     * The {@code error} code when the body is a JSON object and the code has a plain shape that
     * neither looks like a token nor contains a secret the request {@code sent}.
     */
    static Optional<String> code(HostedResponse response, Secret... sent) {
        return response.jsonObject().flatMap(body -> code(body, sent));
    }

    static Optional<String> code(JsonBody body, Secret... sent) {
        return SafeText.errorCode(body.string("error"), sent);
    }

    /** {@code "HTTP 500"} or {@code "HTTP 400 (invalid_request)"}: the status and at most the error code. */
    static String statusAndCode(HostedResponse response, Secret... sent) {
        return "HTTP " + response.status() + code(response, sent).map(c -> " (" + c + ")").orElse("")
                + (response.oversized() ? " (response too large)" : "");
    }
}
