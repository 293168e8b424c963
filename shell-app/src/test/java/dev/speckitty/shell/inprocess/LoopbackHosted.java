package dev.speckitty.shell.inprocess;

import dev.speckitty.shell.acceptance.FakeHostedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake hosted server (WireMock on loopback) of one test class: started once, back to its
 * defaults before every test, stopped after the class. Register it as a static field.
 */
final class LoopbackHosted implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private FakeHostedServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new FakeHostedServer();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    FakeHostedServer server() {
        return server;
    }
}
