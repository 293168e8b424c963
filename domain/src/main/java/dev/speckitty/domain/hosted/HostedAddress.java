package dev.speckitty.domain.hosted;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the hosted service is, as configured on this machine: one base URL for every hosted call,
 * or why there is none (docs/spec/decisions.md decision 1). A value, found once per process; a
 * hosted port asked to work without a usable address fails with {@link HostedUnavailableException}
 * and makes no request.
 */
public sealed interface HostedAddress {

    /** The base URL when one is configured and usable. */
    Optional<String> baseUrl();

    /** A base URL that passed the URL policy, without a trailing {@code /}. */
    record Configured(String url) implements HostedAddress {
        public Configured {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public Optional<String> baseUrl() {
            return Optional.of(url);
        }
    }

    /**
     * No usable base URL. The message and hints name the settings and the file, never the URL itself
     * (a mistyped one may carry credentials).
     */
    record Unusable(Reason reason, String message, List<String> hints) implements HostedAddress {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            hints = List.copyOf(hints);
        }

        @Override
        public Optional<String> baseUrl() {
            return Optional.empty();
        }
    }

    enum Reason {
        /** Neither setting is set: commands that can go on without a server do (sync status, logout). */
        NOT_CONFIGURED,
        /** A URL is set but refused (plain http to another host, credentials, a query...). */
        REFUSED,
        /** The machine configuration file holding the setting cannot be read or parsed. */
        CONFIG_UNREADABLE
    }
}
