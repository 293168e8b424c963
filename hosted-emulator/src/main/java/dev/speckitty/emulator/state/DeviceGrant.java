package dev.speckitty.emulator.state;

/** The answer to a device authorization request (RFC 8628 §3.2), minus the URIs the web layer adds. */
public record DeviceGrant(String deviceCode, String userCode, long expiresInSeconds, long intervalSeconds) {

    @Override
    public String toString() {
        return "DeviceGrant[userCode=" + userCode + "]";
    }
}
