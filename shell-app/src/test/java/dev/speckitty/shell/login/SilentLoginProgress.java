package dev.speckitty.shell.login;

import dev.speckitty.application.login.LoginProgress;
import java.time.Duration;

/** A login that shows nothing: the tests assert on results, files and requests instead. */
final class SilentLoginProgress implements LoginProgress {

    @Override
    public void browserLogin(String authorizeUrl, boolean opened) {}

    @Override
    public void deviceCode(String userCode, String uri, String complete, Duration validFor) {}

    @Override
    public void waiting(Duration remaining) {}
}
