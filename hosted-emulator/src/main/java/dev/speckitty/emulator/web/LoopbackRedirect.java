package dev.speckitty.emulator.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Native-app redirect URIs (RFC 8252 §7.3): plain http to a loopback host with an explicit port. */
final class LoopbackRedirect {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private LoopbackRedirect() {
    }

    static boolean isAllowed(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(redirectUri);
            return "http".equals(uri.getScheme())
                    && uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost())
                    && uri.getPort() > 0
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The redirect URI with the given parameters appended; null values are left out. */
    static URI withParameters(String redirectUri, Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String separator = redirectUri.contains("?") ? "&" : "?";
        return URI.create(redirectUri + separator + query);
    }
}
