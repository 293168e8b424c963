package dev.speckitty.adapters.storage.session.crypto;

import dev.speckitty.adapters.storage.files.ProcessUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The key passphrase the reference CLI uses: UTF-8 of {@code "<hostname>:<uid>"}. The hostname is
 * the kernel nodename (Python {@code socket.gethostname()}), never a reverse-DNS name, and the uid is
 * numeric (0 on Windows), so a file copied to another machine or user cannot be decrypted.
 */
public final class MachinePassphrase {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private MachinePassphrase() {}

    public static byte[] forThisMachine() {
        return (hostname() + ":" + ProcessUser.uid()).getBytes(StandardCharsets.UTF_8);
    }

    /** The kernel nodename, as {@code gethostname()} returns it. */
    public static String hostname() {
        return kernelHostname().orElseGet(MachinePassphrase::localHostName);
    }

    private static Optional<String> kernelHostname() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).strip();
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (IOException noProcfs) {
            return Optional.empty();
        }
    }

    /** getLocalHost() starts from gethostname(); getHostName() then returns that name without a lookup. */
    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unresolvable) {
            throw new IllegalStateException("cannot determine this machine's host name", unresolvable);
        }
    }
}
