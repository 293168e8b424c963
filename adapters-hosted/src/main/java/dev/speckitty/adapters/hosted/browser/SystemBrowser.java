package dev.speckitty.adapters.hosted.browser;

import dev.speckitty.domain.port.Browser;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL with the platform's launcher: {@code $BROWSER} when set (as Python's webbrowser
 * does), else {@code open} on macOS, {@code rundll32} on Windows, {@code xdg-open} on a Linux
 * desktop. Without a display there is no usable browser, and the caller prints the URL instead.
 */
public final class SystemBrowser implements Browser {

    private final Map<String, String> environment;
    private final String osName;

    public SystemBrowser(Map<String, String> environment) {
        this(environment, System.getProperty("os.name", ""));
    }

    SystemBrowser(Map<String, String> environment, String osName) {
        this.environment = environment;
        this.osName = osName.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean open(String url) {
        return launcher(url).map(SystemBrowser::start).orElse(false);
    }

    Optional<List<String>> launcher(String url) {
        String configured = environment.getOrDefault("BROWSER", "").strip();
        if (!configured.isEmpty()) {
            return Optional.of(List.of(configured.split(":")[0], url));
        }
        if (osName.contains("mac")) {
            return Optional.of(List.of("open", url));
        }
        if (osName.contains("win")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        }
        boolean desktop = !environment.getOrDefault("DISPLAY", "").isBlank()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return desktop && onPath("xdg-open") ? Optional.of(List.of("xdg-open", url)) : Optional.empty();
    }

    private boolean onPath(String program) {
        for (String dir : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    private static boolean start(List<String> command) {
        try {
            new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start()
                    .getOutputStream()
                    .close();
            return true;
        } catch (IOException notStartable) {
            return false;
        }
    }
}
