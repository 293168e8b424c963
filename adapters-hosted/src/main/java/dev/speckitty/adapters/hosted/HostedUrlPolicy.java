package dev.speckitty.adapters.hosted;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for every URL a token may be sent to: the configured base URL and every endpoint that RFC 8414
 * discovery names. An https URL with a host, or plain http to this machine only (tokens never cross a network in
 * clear text); no user name or password, query or fragment (they could carry credentials, would be echoed by
 * {@code sync status} and break path joining). A refusal names the rule, never the URL.
 */
public final class HostedUrlPolicy {

    /** Why a URL is refused, as a sentence ending that follows "The hosted server URL …". */
    public enum Refusal {
        NOT_AN_HTTP_URL("is not an http(s) URL with a host name"),
        CREDENTIALS("must not carry a user name or password"),
        QUERY_OR_FRAGMENT("must not have a query (?…) or a fragment (#…)"),
        PLAIN_HTTP_TO_ANOTHER_HOST("uses plain http:// for a host other than this machine; use https://");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** A URL checked against the policy: either the parsed URI or why it was refused. */
    public record Verdict(URI uri, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private HostedUrlPolicy() {}

    /** Checks {@code url} (surrounding white space ignored). */
    public static Verdict check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            return refused(Refusal.NOT_AN_HTTP_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return refused(Refusal.NOT_AN_HTTP_URL);
        }
        if (uri.getRawUserInfo() != null) {
            return refused(Refusal.CREDENTIALS);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return refused(Refusal.QUERY_OR_FRAGMENT);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return refused(Refusal.PLAIN_HTTP_TO_ANOTHER_HOST);
        }
        return new Verdict(uri, null);
    }

    /** The URI when {@code url} passes the policy. */
    public static Optional<URI> accepted(String url) {
        return Optional.ofNullable(check(url).uri());
    }

    /** Plain http is only for a service on this machine (the emulator, a local test server). */
    private static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static Verdict refused(Refusal refusal) {
        return new Verdict(null, refusal);
    }
}
