package dev.speckitty.shell.command.auth;

import dev.speckitty.application.login.LoginProgress;
import dev.speckitty.domain.text.UntrustedText;
import dev.speckitty.shell.render.DurationFormat;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows login progress on stderr: the authorize URL (always, so a login works without a
 * browser), the device code, and a live countdown on a terminal ({@code \r}-rewritten), so stdout
 * carries only the result.
 */
final class ConsoleLoginProgress implements LoginProgress {

    private final PrintWriter conversation;
    private final boolean terminal;

    /** Everything on {@code conversation} (stderr): stdout carries only the login's result. */
    ConsoleLoginProgress(PrintWriter conversation, boolean terminal) {
        this.conversation = conversation;
        this.terminal = terminal;
    }

    @Override
    public void browserLogin(String authorizeUrl, boolean opened) {
        conversation.println(opened ? "A browser window was opened. If it did not appear, open this URL:"
                : "No browser could be opened here. Open this URL on this machine to log in:");
        conversation.println("  " + UntrustedText.line(authorizeUrl));
        if (!opened) {
            conversation.println("On a machine without a browser, use: spec-kitty auth login --headless");
        }
        conversation.println("Waiting for the browser to return (timeout in 5 minutes)...");
        conversation.flush();
    }

    @Override
    public void deviceCode(String userCode, String verificationUri, String verificationUriComplete, Duration validFor) {
        conversation.println();
        conversation.println("Visit: " + UntrustedText.line(verificationUri));
        conversation.println("Code:  " + UntrustedText.line(userCode));
        if (verificationUriComplete != null) {
            conversation.println("Or open: " + UntrustedText.line(verificationUriComplete));
        }
        conversation.println();
        conversation.println("Waiting for authorization (timeout in " + DurationFormat.countdown(validFor) + ")...");
        conversation.flush();
    }

    @Override
    public void waiting(Duration remaining) {
        if (terminal) {
            long seconds = Math.max(0, remaining.toSeconds());
            conversation.printf("\r  %d:%02d left  ", seconds / 60, seconds % 60);
            conversation.flush();
        }
    }

    void done() {
        if (terminal) {
            conversation.print("\r                \r");
            conversation.flush();
        }
    }
}
