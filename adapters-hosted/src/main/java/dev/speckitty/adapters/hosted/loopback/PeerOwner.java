package dev.speckitty.adapters.hosted.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who owns the other end of a loopback connection, from the kernel's socket tables ({@code /proc/net/tcp} and
 * {@code tcp6}): the row whose local end is the peer's address and port and whose remote port is ours carries the
 * uid that created the peer socket. Linux only; elsewhere {@link #supported()} is false and nothing is checked.
 */
final class PeerOwner {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    private static final Path OWN_STATUS = Path.of("/proc/self/status");

    private final List<Path> tables;
    private final OptionalLong ownUid;

    private PeerOwner(List<Path> tables, OptionalLong ownUid) {
        this.tables = tables;
        this.ownUid = ownUid;
    }

    /** The tables of this machine and this process's effective uid, when both can be read. */
    static PeerOwner ofThisMachine() {
        boolean readable = TABLES.stream().anyMatch(Files::isReadable);
        return new PeerOwner(TABLES, readable ? effectiveUid(OWN_STATUS) : OptionalLong.empty());
    }

    boolean supported() {
        return ownUid.isPresent();
    }

    /**
     * Whether the peer socket {@code peer:peerPort} connected to our {@code localPort} was created by our own uid.
     * A peer that cannot be found (it closed already, or the tables vanished) is not ours: we fail closed.
     */
    boolean isOurs(InetAddress peer, int peerPort, int localPort) {
        return ownUid.isPresent() && uidOf(peer, peerPort, localPort).equals(OptionalLong.of(ownUid.getAsLong()));
    }

    OptionalLong uidOf(InetAddress peer, int peerPort, int localPort) {
        for (Path table : tables) {
            List<String> rows;
            try {
                rows = Files.readAllLines(table);
            } catch (IOException unreadable) {
                continue; // tcp6 is absent when IPv6 is off; the other table may still answer
            }
            for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                OptionalLong uid = matchingUid(row.strip().split("\\s+"), peer, peerPort, localPort);
                if (uid.isPresent()) {
                    return uid;
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Columns: sl, local_address, rem_address, st, tx:rx, tr:when, retrnsmt, uid, … */
    private static OptionalLong matchingUid(String[] columns, InetAddress peer, int peerPort, int localPort) {
        if (columns.length < 8) {
            return OptionalLong.empty();
        }
        Optional<Endpoint> local = Endpoint.parse(columns[1]);
        Optional<Endpoint> remote = Endpoint.parse(columns[2]);
        if (local.isEmpty() || remote.isEmpty() || local.get().port() != peerPort || remote.get().port() != localPort
                || !local.get().address().equals(peer)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(columns[7]));
        } catch (NumberFormatException notAUid) {
            return OptionalLong.empty();
        }
    }

    /** The effective uid: the second number of the {@code Uid:} line. */
    static OptionalLong effectiveUid(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).strip().split("\\s+");
                    return OptionalLong.of(Long.parseLong(ids[1]));
                }
            }
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException unreadable) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** {@code 0100007F:1F90}: an address as 32-bit words in the kernel's byte order, then the port, in hex. */
    private record Endpoint(InetAddress address, int port) {

        static Optional<Endpoint> parse(String column) {
            int colon = column.indexOf(':');
            String hex = colon < 0 ? "" : column.substring(0, colon);
            if (hex.length() != 8 && hex.length() != 32) {
                return Optional.empty();
            }
            try {
                ByteBuffer bytes = ByteBuffer.allocate(hex.length() / 2).order(ByteOrder.nativeOrder());
                for (int i = 0; i < hex.length(); i += 8) {
                    bytes.putInt(Integer.parseUnsignedInt(hex, i, i + 8, 16));
                }
                // a v4-mapped IPv6 address (a Java socket's view of 127.0.0.1) comes back as the IPv4 address
                return Optional.of(new Endpoint(InetAddress.getByAddress(bytes.array()),
                        Integer.parseInt(column, colon + 1, column.length(), 16)));
            } catch (NumberFormatException | UnknownHostException malformed) {
                return Optional.empty();
            }
        }
    }
}
