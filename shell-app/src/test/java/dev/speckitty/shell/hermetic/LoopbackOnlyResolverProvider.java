package dev.speckitty.shell.hermetic;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The hermetic-test guard, installed through the JDK's resolver SPI on the test classpath (so it
 * also guards CLI processes the tests start with that classpath): resolving any name other than
 * this machine's own fails with {@link NonLoopbackEgressError} and is recorded, in memory and in
 * the file named by {@code SPEC_KITTY_TEST_EGRESS_LOG}, so a test notices even when the error is
 * wrapped by a network library.
 */
public final class LoopbackOnlyResolverProvider extends InetAddressResolverProvider {

    public static final String EGRESS_LOG_ENV = "SPEC_KITTY_TEST_EGRESS_LOG";

    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        Set<String> ownNames = Set.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback",
                configuration.lookupLocalHostName().toLowerCase(Locale.ROOT));
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (!ownNames.contains(host.toLowerCase(Locale.ROOT))) {
                    record(host);
                    throw new NonLoopbackEgressError(host);
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "spec-kitty loopback-only test resolver";
    }

    private static void record(String host) {
        VIOLATIONS.add(host);
        String log = System.getenv(EGRESS_LOG_ENV);
        if (log != null && !log.isBlank()) {
            try {
                Files.writeString(Path.of(log), host + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException unwritable) {
                // The thrown Error still fails the attempt; the log is an extra witness.
            }
        }
    }

    /** Hosts this JVM tried to resolve against the rule. */
    public static List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    public static void clearViolations() {
        VIOLATIONS.clear();
    }
}
