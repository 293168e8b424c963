package dev.speckitty.application.login;

import java.time.Duration;

/** What a login shows the user while it waits; implemented by the shell. */
public interface LoginProgress {

    /** The authorize URL, always shown; {@code opened} says whether a browser was launched. */
    void browserLogin(String authorizeUrl, boolean opened);

    /** The device code to type in, where, and how long it stays valid. */
    void deviceCode(String userCode, String verificationUri, String verificationUriComplete, Duration validFor);

    /** Called between polls with the time left, for a live countdown. */
    void waiting(Duration remaining);
}
