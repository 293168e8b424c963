package dev.speckitty.shell.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * The CLI's logging, set up by Logback itself (found through {@code META-INF/services}) when the
 * first logger is asked for: WARN and up (Reactor and Netty off), to stderr only, so stdout carries nothing but command
 * output. In code rather than a {@code logback.xml}, and with Spring Boot's logging system off
 * ({@code SpecKittyApplication}), because parsing the XML and Boot re-initialising Logback after it
 * was a tenth of every one-shot's start-up (docs/performance.md).
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        // Reactor and Netty log a malformed or hostile answer at WARN with a stack trace quoting the
        // server's raw bytes (issue 14); the hosted adapters report every such failure as one typed,
        // token-free outcome, so these loggers stay silent.
        context.getLogger("reactor").setLevel(Level.OFF);
        context.getLogger("io.netty").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
