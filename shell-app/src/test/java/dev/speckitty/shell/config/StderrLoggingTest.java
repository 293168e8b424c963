package dev.speckitty.shell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * The settings SLF4J's simple provider reads, driven through the provider itself. The test JVM's
 * SLF4J is Logback's (the emulator runs in it), so the provider is built here rather than found.
 */
class StderrLoggingTest {

    @Test
    void namesTheSimpleProviderSoSlf4jNeedNotSearchTheClassPath() {
        String before = System.getProperty("slf4j.provider");
        System.clearProperty("slf4j.provider");
        try {
            StderrLogging.configure();
            assertThat(System.getProperty("slf4j.provider")).isEqualTo(SimpleServiceProvider.class.getName());
        } finally {
            if (before != null) {
                System.setProperty("slf4j.provider", before);
            }
        }
    }

    @Test
    void warningsAndErrorsGoToStderrReactorAndNettyStaySilentAndStdoutGetsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            StderrLogging.configure();
            SimpleServiceProvider provider = new SimpleServiceProvider();
            provider.initialize();
            ILoggerFactory loggers = provider.getLoggerFactory();
            org.slf4j.Logger logger = loggers.getLogger("dev.speckitty.test");
            logger.info("an info line");
            logger.debug("a debug line");
            logger.warn("a warning line");
            logger.error("an error line");
            loggers.getLogger("reactor.netty.http.client.HttpClientConnect").error("raw bytes from a server");
            loggers.getLogger("io.netty.handler.codec.DecoderException").warn("raw bytes from a server");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .satisfiesExactly(
                        line -> assertThat(line).isEqualTo("WARN dev.speckitty.test - a warning line"),
                        line -> assertThat(line).isEqualTo("ERROR dev.speckitty.test - an error line"));
    }
}
