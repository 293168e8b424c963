package dev.speckitty.emulator.state;

import dev.speckitty.emulator.EmulatorSettings;
import java.time.Duration;

/** Behaviour switches that tests flip while the emulator runs. Values are read at the moment they matter. */
public final class RuntimeSwitches {

    private volatile boolean autoApprove;
    private volatile boolean standardOnly;
    private volatile boolean discovery;
    private volatile boolean meWithoutPrivateTeam;
    private volatile boolean meAbsent;
    private volatile boolean slowDown;
    private volatile boolean revokeFamilyOnReuse;
    private volatile Duration accessTokenTtl;
    private volatile Duration accessTokenLeeway;
    private volatile Duration refreshTokenTtl;
    private volatile Duration replayWindow;
    private volatile int replayRetryAfterSeconds;
    private volatile Duration deviceInterval;
    private volatile Duration deviceExpiresIn;
    private volatile String deviceUserCode;

    public RuntimeSwitches(EmulatorSettings settings) {
        restore(settings);
    }

    public void restore(EmulatorSettings settings) {
        autoApprove = settings.autoApprove();
        standardOnly = settings.standardOnly();
        discovery = settings.discovery();
        meWithoutPrivateTeam = settings.meWithoutPrivateTeam();
        meAbsent = false;
        slowDown = settings.slowDown();
        revokeFamilyOnReuse = settings.revokeFamilyOnReuse();
        accessTokenTtl = settings.accessTokenTtl();
        accessTokenLeeway = settings.accessTokenLeeway();
        refreshTokenTtl = settings.refreshTokenTtl();
        replayWindow = settings.replayWindow();
        replayRetryAfterSeconds = settings.replayRetryAfterSeconds();
        deviceInterval = settings.deviceInterval();
        deviceExpiresIn = settings.deviceExpiresIn();
        deviceUserCode = null;
    }

    public boolean autoApprove() { return autoApprove; }
    public void autoApprove(boolean value) { autoApprove = value; }

    /** Spec-kitty extensions off: only the standard-looking /oauth2/* paths answer, reachable through discovery. */
    public boolean standardOnly() { return standardOnly; }
    public void standardOnly(boolean value) { standardOnly = value; }

    /** Off: the RFC 8414 metadata answers 404, like a server without discovery. */
    public boolean discovery() { return discovery; }
    public void discovery(boolean value) { discovery = value; }

    public boolean meWithoutPrivateTeam() { return meWithoutPrivateTeam; }
    public void meWithoutPrivateTeam(boolean value) { meWithoutPrivateTeam = value; }

    /** On: {@code /api/v1/me} answers 404, like a plain standards server (identity then comes from userinfo). */
    public boolean meAbsent() { return meAbsent; }
    public void meAbsent(boolean value) { meAbsent = value; }

    public boolean slowDown() { return slowDown; }
    public void slowDown(boolean value) { slowDown = value; }

    public boolean revokeFamilyOnReuse() { return revokeFamilyOnReuse; }
    public void revokeFamilyOnReuse(boolean value) { revokeFamilyOnReuse = value; }

    public Duration accessTokenTtl() { return accessTokenTtl; }
    public void accessTokenTtl(Duration value) { accessTokenTtl = value; }

    /** Bearer endpoints still accept an access token this long past its expiry (clock-skew leeway). */
    public Duration accessTokenLeeway() { return accessTokenLeeway; }
    public void accessTokenLeeway(Duration value) { accessTokenLeeway = value; }

    public Duration refreshTokenTtl() { return refreshTokenTtl; }
    public void refreshTokenTtl(Duration value) { refreshTokenTtl = value; }

    public Duration replayWindow() { return replayWindow; }
    public void replayWindow(Duration value) { replayWindow = value; }

    public int replayRetryAfterSeconds() { return replayRetryAfterSeconds; }
    public void replayRetryAfterSeconds(int value) { replayRetryAfterSeconds = value; }

    public Duration deviceInterval() { return deviceInterval; }
    public void deviceInterval(Duration value) { deviceInterval = value; }

    public Duration deviceExpiresIn() { return deviceExpiresIn; }
    public void deviceExpiresIn(Duration value) { deviceExpiresIn = value; }

    /** Set: every device grant gets this user code instead of a random one (hostile display text tests); null: random. */
    public String deviceUserCode() { return deviceUserCode; }
    public void deviceUserCode(String value) { deviceUserCode = value; }
}
