package dev.speckitty.adapters.hosted.oauth;

import dev.speckitty.adapters.hosted.http.HostedResponse;
import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.SafeText;
import java.util.Optional;

/** Reads the RFC 6749 error body ({@code {"error": ..., "error_description": ...}}) without trusting it. */
final class OAuthErrorBody {

    private OAuthErrorBody() {}

    /** The {@code error} code when the body is a JSON object and the code has a plain shape. */
    static Optional<String> code(HostedResponse response) {
        return response.jsonObject().flatMap(OAuthErrorBody::code);
    }

    static Optional<String> code(JsonBody body) {
        return SafeText.errorCode(body.string("error"));
    }

    /** {@code "HTTP 500"} or {@code "HTTP 400 (invalid_request)"}: the status and at most the error code. */
    static String statusAndCode(HostedResponse response) {
        return "HTTP " + response.status() + code(response).map(c -> " (" + c + ")").orElse("")
                + (response.oversized() ? " (response too large)" : "");
    }
}
