package dev.speckitty.shell.render;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a hosted transport failure in the user's terms. The adapters name a failure by what was
 * being done and the exception type only ({@code Network error requesting device code:
 * ConnectException}), never by its message, which could carry a URL with a secret; here, where the
 * configured base URL is known, it becomes which URL could not be reached, why, and what to check.
 */
public final class NetworkTrouble {

    private static final Pattern ADAPTER_MESSAGE = Pattern.compile("^(?:X )?Network error (?:during )?(.+): ([A-Za-z]+)$");
    private static final Map<String, String> WHY = Map.of(
            "ConnectException", "connection refused: nothing is listening there",
            "AnnotatedConnectException", "connection refused: nothing is listening there",
            "UnknownHostException", "the host name is not known",
            "TimeoutException", "no answer in time",
            "ReadTimeoutException", "no answer in time",
            "ConnectTimeoutException", "no answer in time",
            "PrematureCloseException", "the server closed the connection before answering",
            "SSLHandshakeException", "the TLS handshake failed",
            "SSLException", "the TLS connection failed");

    private NetworkTrouble() {}

    /** The message in words with the URL, or empty when it is not a transport failure. */
    public static Optional<String> explain(String message, String baseUrl) {
        Matcher matcher = ADAPTER_MESSAGE.matcher(message);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String why = WHY.getOrDefault(matcher.group(2), "a network error (" + matcher.group(2) + ")");
        return Optional.of("Could not reach " + baseUrl + " (" + why + ") while " + matcher.group(1) + ".");
    }

    /** What to check after {@link #explain}. */
    public static String hint() {
        return "  Check that the service is up and that SPEC_KITTY_SAAS_URL (or [sync] server_url in "
                + "config.toml) names it.";
    }
}
