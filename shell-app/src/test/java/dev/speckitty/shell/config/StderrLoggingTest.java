package dev.speckitty.shell.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class StderrLoggingTest {

    @Test
    void logbackFindsItAsItsConfigurator() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).contains(StderrLogging.class);
    }

    @Test
    void warningsAndErrorsGoToStderrAndNothingElseIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        // before configuring: the console appender takes the stream it writes to when it starts
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's SLF4J provider sets it up
        try {
            new StderrLogging().configure(context);
            Logger logger = context.getLogger("dev.speckitty.test");
            logger.info("an info line");
            logger.debug("a debug line");
            logger.warn("a warning line");
            logger.error("an error line");
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            context.stop();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .hasSize(2)
                .satisfiesExactly(
                        line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  dev\\.speckitty\\.test - a warning line"),
                        line -> assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR dev\\.speckitty\\.test - an error line"));
    }
}
