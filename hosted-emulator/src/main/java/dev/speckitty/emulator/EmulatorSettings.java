package dev.speckitty.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How an emulator starts. Every value except {@code port} can also be changed at run time through
 * {@link dev.speckitty.emulator.state.RuntimeSwitches} or {@code POST /__admin/settings}.
 */
public record EmulatorSettings(
        int port,
        boolean autoApprove,
        boolean standardOnly,
        boolean discovery,
        boolean privateTeam,
        boolean meWithoutPrivateTeam,
        boolean slowDown,
        boolean revokeFamilyOnReuse,
        Duration accessTokenTtl,
        Duration accessTokenLeeway,
        Duration refreshTokenTtl,
        Duration replayWindow,
        int replayRetryAfterSeconds,
        Duration deviceInterval,
        Duration deviceExpiresIn) {

    public EmulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(accessTokenLeeway, "accessTokenLeeway");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        Objects.requireNonNull(replayWindow, "replayWindow");
        Objects.requireNonNull(deviceInterval, "deviceInterval");
        Objects.requireNonNull(deviceExpiresIn, "deviceExpiresIn");
    }

    /** A free port, manual approval, spec-kitty paths, strict refresh rotation (no replay window). */
    public static EmulatorSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .port(port).autoApprove(autoApprove).standardOnly(standardOnly).discovery(discovery)
                .privateTeam(privateTeam).meWithoutPrivateTeam(meWithoutPrivateTeam).slowDown(slowDown)
                .revokeFamilyOnReuse(revokeFamilyOnReuse).accessTokenTtl(accessTokenTtl).accessTokenLeeway(accessTokenLeeway)
                .refreshTokenTtl(refreshTokenTtl).replayWindow(replayWindow)
                .replayRetryAfterSeconds(replayRetryAfterSeconds).deviceInterval(deviceInterval)
                .deviceExpiresIn(deviceExpiresIn);
    }

    public static final class Builder {
        private int port;
        private boolean autoApprove;
        private boolean standardOnly;
        private boolean discovery = true;
        private boolean privateTeam = true;
        private boolean meWithoutPrivateTeam;
        private boolean slowDown = true;
        private boolean revokeFamilyOnReuse;
        private Duration accessTokenTtl = Duration.ofSeconds(900);
        private Duration accessTokenLeeway = Duration.ZERO;
        private Duration refreshTokenTtl = Duration.ofDays(30);
        private Duration replayWindow = Duration.ZERO;
        private int replayRetryAfterSeconds = 1;
        private Duration deviceInterval = Duration.ofSeconds(1);
        private Duration deviceExpiresIn = Duration.ofSeconds(900);

        public Builder port(int value) { this.port = value; return this; }
        public Builder autoApprove(boolean value) { this.autoApprove = value; return this; }
        public Builder standardOnly(boolean value) { this.standardOnly = value; return this; }
        public Builder discovery(boolean value) { this.discovery = value; return this; }
        public Builder privateTeam(boolean value) { this.privateTeam = value; return this; }
        public Builder meWithoutPrivateTeam(boolean value) { this.meWithoutPrivateTeam = value; return this; }
        public Builder slowDown(boolean value) { this.slowDown = value; return this; }
        public Builder revokeFamilyOnReuse(boolean value) { this.revokeFamilyOnReuse = value; return this; }
        public Builder accessTokenTtl(Duration value) { this.accessTokenTtl = value; return this; }
        public Builder accessTokenLeeway(Duration value) { this.accessTokenLeeway = value; return this; }
        public Builder refreshTokenTtl(Duration value) { this.refreshTokenTtl = value; return this; }
        public Builder replayWindow(Duration value) { this.replayWindow = value; return this; }
        public Builder replayRetryAfterSeconds(int value) { this.replayRetryAfterSeconds = value; return this; }
        public Builder deviceInterval(Duration value) { this.deviceInterval = value; return this; }
        public Builder deviceExpiresIn(Duration value) { this.deviceExpiresIn = value; return this; }

        public EmulatorSettings build() {
            return new EmulatorSettings(port, autoApprove, standardOnly, discovery, privateTeam,
                    meWithoutPrivateTeam, slowDown, revokeFamilyOnReuse, accessTokenTtl, accessTokenLeeway, refreshTokenTtl,
                    replayWindow, replayRetryAfterSeconds, deviceInterval, deviceExpiresIn);
        }
    }
}
