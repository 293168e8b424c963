package dev.speckitty.shell.integration;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * What the in-JVM emulator logs while open, kept in memory for a leak scan instead of going to
 * stderr: its own loggers at DEBUG, and the web stack under it (Reactor Netty, Spring) at WARN as
 * the emulator's {@code emulator-logback.xml} runs them — at DEBUG Spring's JSON encoder would log
 * every response body, token answers included. Messages, arguments and stack traces are kept;
 * the loggers' levels, appenders and additivity are restored on close.
 */
final class EmulatorLogCapture implements AutoCloseable {

    private static final Map<String, Level> LOGGERS = Map.of("dev.speckitty.emulator", Level.DEBUG,
            "reactor", Level.WARN, "io.netty", Level.WARN, "org.springframework", Level.WARN);

    private final List<String> lines = new ArrayList<>();
    private final List<Saved> saved = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                line += "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            synchronized (lines) {
                lines.add(line);
            }
        }
    };

    private record Saved(Logger logger, Level level, boolean additive) {}

    private EmulatorLogCapture() {}

    static EmulatorLogCapture start() {
        EmulatorLogCapture capture = new EmulatorLogCapture();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.appender.setContext(context);
        capture.appender.setName("emulator-log-capture");
        capture.appender.start();
        for (Map.Entry<String, Level> entry : LOGGERS.entrySet()) {
            Logger logger = context.getLogger(entry.getKey());
            capture.saved.add(new Saved(logger, logger.getLevel(), logger.isAdditive()));
            logger.setLevel(entry.getValue());
            logger.setAdditive(false);
            logger.addAppender(capture.appender);
        }
        return capture;
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        for (Saved entry : saved) {
            entry.logger().detachAppender(appender);
            entry.logger().setLevel(entry.level());
            entry.logger().setAdditive(entry.additive());
        }
        appender.stop();
    }
}
