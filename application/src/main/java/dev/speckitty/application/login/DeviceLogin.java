package dev.speckitty.application.login;

import dev.speckitty.application.login.BrowserLogin.GrantOrFailure;
import dev.speckitty.application.login.LoginResult.Reason;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.port.AuthorizationServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The device authorization grant (RFC 8628) for machines without a browser (docs/spec/hosted-contract.md §2.3). Polls at the
 * server's interval, 5 s slower after every {@code slow_down}, until the code expires (RFC 8628 §3.5). Unlike the
 * reference there is no 10 s cap: a capped client polls faster than the server allows and never gets a token from
 * a server whose interval is above the cap (issue 14, item 7).
 */
final class DeviceLogin {

    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final AuthorizationServer server;
    private final Clock clock;
    private final Sleeper sleeper;

    DeviceLogin(AuthorizationServer server, Clock clock, Sleeper sleeper) {
        this.server = server;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    GrantOrFailure obtainGrant(LoginProgress progress) throws InterruptedException {
        DeviceAuthorization device;
        try {
            device = server.requestDeviceAuthorization();
        } catch (AuthFlowException failure) {
            return GrantOrFailure.failed(Reason.DEVICE_FLOW_FAILED, "Device flow failed: " + failure.getMessage());
        }
        Duration validFor = Duration.ofSeconds(device.expiresInSeconds());
        progress.deviceCode(formatUserCode(device.userCode()), device.verificationUri(),
                device.verificationUriComplete(), validFor);
        Instant deadline = clock.instant().plus(validFor);
        Duration interval = Duration.ofSeconds(Math.max(device.intervalSeconds(), 1));
        while (true) {
            if (!clock.instant().isBefore(deadline)) {
                return GrantOrFailure.failed(Reason.TIMED_OUT, "Device authorization expired after "
                        + device.expiresInSeconds() + " seconds. Run `spec-kitty auth login --headless` again.");
            }
            progress.waiting(Duration.between(clock.instant(), deadline));
            sleeper.sleep(interval); // before every poll, including the first
            switch (server.pollDeviceToken(device.deviceCode())) {
                case DevicePoll.Granted granted -> {
                    return GrantOrFailure.granted(granted.grant());
                }
                case DevicePoll.Pending pending -> { }
                case DevicePoll.TransportFailed transient_ -> { }
                case DevicePoll.SlowDown slowDown -> interval = interval.plus(SLOW_DOWN_STEP);
                case DevicePoll.Denied denied -> {
                    return GrantOrFailure.failed(Reason.DENIED, denied.message());
                }
                case DevicePoll.Expired expired -> {
                    return GrantOrFailure.failed(Reason.TIMED_OUT, expired.message());
                }
                case DevicePoll.Failed failed -> {
                    return GrantOrFailure.failed(Reason.DEVICE_FLOW_FAILED, "Device flow failed: " + failed.message());
                }
            }
        }
    }

    /** {@code ABCD1234} → {@code ABCD-1234}; codes of four characters or fewer stay as they are. */
    static String formatUserCode(String userCode) {
        String compact = userCode.replace("-", "").replace(" ", "");
        if (compact.length() <= 4) {
            return compact;
        }
        StringBuilder formatted = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                formatted.append('-');
            }
            formatted.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return formatted.toString();
    }
}
