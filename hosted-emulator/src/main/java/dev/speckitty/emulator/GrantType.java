package dev.speckitty.emulator;

import java.util.Arrays;
import java.util.Optional;

/** The token endpoint's grant types: the wire value and the short key used in counters. */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code", "authorization_code"),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code", "device_code"),
    REFRESH_TOKEN("refresh_token", "refresh_token");

    private final String wireValue;
    private final String key;

    GrantType(String wireValue, String key) {
        this.wireValue = wireValue;
        this.key = key;
    }

    public String wireValue() {
        return wireValue;
    }

    public String key() {
        return key;
    }

    public static Optional<GrantType> fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wireValue.equals(value)).findFirst();
    }
}
