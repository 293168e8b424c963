package dev.speckitty.conformance;

import java.nio.file.Path;
import java.util.List;

/** A standards OAuth server the scenarios run against, and what the test may ask it. */
interface StandardsServer extends AutoCloseable {

    /** The hosted base URL (also the RFC 8414 issuer). */
    String baseUrl();

    /** The token endpoint path, for the server-side checks of spent or revoked refresh tokens. */
    String tokenPath();

    /** Approves the device authorization the CLI has just started, as its user would; its user code, or null. */
    String approvePendingDevice() throws Exception;

    /** The {@code BROWSER} command: a stand-in browser (in {@code dir}) that completes the authorization. */
    String browserCommand(Path dir) throws Exception;

    /** Refresh-token grant requests so far, and how many of them were answered 200 (a rotation). */
    int refreshRequests();

    int rotations();

    /** Secrets only the server saw (device codes), for the leak scan. */
    List<String> serverSideSecrets();

    @Override
    void close();
}
