package dev.speckitty.shell.hermetic;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which this JVM tried to reach a non-loopback host, even if the guard's
 * error was wrapped and handled somewhere. Registered for every test by auto-detection.
 */
public final class HermeticityExtension implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> violations = LoopbackOnlyResolverProvider.violations();
        LoopbackOnlyResolverProvider.clearViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Test tried to reach non-loopback hosts " + violations
                    + "; tests must use 127.0.0.1 only");
        }
    }
}
