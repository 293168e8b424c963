package dev.speckitty.shell.command.auth;

import dev.speckitty.application.login.LoginProgress;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.render.DurationFormat;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows login progress: the authorize URL (always, so a login works without a browser), the
 * device code, and a live countdown on a terminal ({@code \r}-rewritten on stderr, so stdout
 * stays clean for scripts).
 */
final class ConsoleLoginProgress implements LoginProgress {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    ConsoleLoginProgress(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void browserLogin(String authorizeUrl, boolean opened) {
        out.println(opened ? "A browser window was opened. If it did not appear, open this URL:"
                : "No browser could be opened here. Open this URL on this machine to log in:");
        out.println("  " + UntrustedText.line(authorizeUrl));
        if (!opened) {
            out.println("On a machine without a browser, use: spec-kitty auth login --headless");
        }
        out.println("Waiting for the browser to return (timeout in 5 minutes)...");
        out.flush();
    }

    @Override
    public void deviceCode(String userCode, String verificationUri, String verificationUriComplete, Duration validFor) {
        out.println();
        out.println("Visit: " + UntrustedText.line(verificationUri));
        out.println("Code:  " + UntrustedText.line(userCode));
        if (verificationUriComplete != null) {
            out.println("Or open: " + UntrustedText.line(verificationUriComplete));
        }
        out.println();
        out.println("Waiting for authorization (timeout in " + DurationFormat.countdown(validFor) + ")...");
        out.flush();
    }

    @Override
    public void waiting(Duration remaining) {
        if (terminal) {
            long seconds = Math.max(0, remaining.toSeconds());
            err.printf("\r  %d:%02d left  ", seconds / 60, seconds % 60);
            err.flush();
        }
    }

    void done() {
        if (terminal) {
            err.print("\r                \r");
            err.flush();
        }
    }
}
