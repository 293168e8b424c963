package dev.speckitty.domain.auth;

import dev.speckitty.domain.session.Secret;
import java.util.Objects;

/** The device authorization endpoint's answer (RFC 8628 §3.2). */
public record DeviceAuthorization(
        Secret deviceCode,
        String userCode,
        String verificationUri,
        String verificationUriComplete,
        long expiresInSeconds,
        long intervalSeconds) {

    public DeviceAuthorization {
        Objects.requireNonNull(deviceCode, "device_code");
        Objects.requireNonNull(userCode, "user_code");
        Objects.requireNonNull(verificationUri, "verification_uri");
    }
}
