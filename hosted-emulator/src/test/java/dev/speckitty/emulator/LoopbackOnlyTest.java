package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The emulator must never be reachable from the network: it binds 127.0.0.1 only. */
class LoopbackOnlyTest {

    @Test
    void answersOnLoopbackButNotOnAnotherInterface() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        try (HostedEmulator emulator = HostedEmulator.start()) {
            assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 2000);
                assertThat(loopback.isConnected()).isTrue();
            }
            assumeTrue(external.isPresent(), "no non-loopback IPv4 interface on this machine");
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), emulator.port()), 2000);
                }
            }).isInstanceOf(IOException.class);
        }
    }
}
