package dev.speckitty.adapters.hosted.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemBrowserTest {

    @Test
    void headlessLinuxHasNoBrowser() {
        SystemBrowser browser = new SystemBrowser(Map.of("PATH", "/usr/bin:/bin"), "Linux");
        assertThat(browser.launcher("http://127.0.0.1/x")).isEmpty();
        assertThat(browser.open("http://127.0.0.1/x")).isFalse();
    }

    @Test
    void platformLaunchers() {
        assertThat(new SystemBrowser(Map.of(), "Mac OS X").launcher("u")).hasValue(java.util.List.of("open", "u"));
        assertThat(new SystemBrowser(Map.of(), "Windows 11").launcher("u"))
                .hasValue(java.util.List.of("rundll32", "url.dll,FileProtocolHandler", "u"));
    }

    @Test
    void browserVariableIsHonouredWithARealProcess(@TempDir Path dir) throws Exception {
        Path seen = dir.resolve("seen-url");
        Path script = dir.resolve("fake-browser");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + seen + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        boolean opened = new SystemBrowser(Map.of("BROWSER", script.toString()), "Linux")
                .open("http://127.0.0.1:1/authorize?x=1");

        assertThat(opened).isTrue();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!Files.exists(seen) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        Thread.sleep(50);
        assertThat(Files.readString(seen)).isEqualTo("http://127.0.0.1:1/authorize?x=1");
    }

    @Test
    void aBrowserThatCannotStartIsReportedAsUnavailable() {
        assertThat(new SystemBrowser(Map.of("BROWSER", "/nonexistent/browser"), "Linux").open("u")).isFalse();
    }
}
