package dev.speckitty.emulator.web;

/** The emulator's own base URL, known only once the port is bound; handlers need it for absolute URLs. */
public final class ServerAddress {

    private volatile String baseUrl = "http://127.0.0.1";

    public void bound(int port) {
        baseUrl = "http://127.0.0.1:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String resolve(String path) {
        return baseUrl + path;
    }
}
