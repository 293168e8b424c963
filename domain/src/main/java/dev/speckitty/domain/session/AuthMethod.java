package dev.speckitty.domain.session;

import java.util.Arrays;
import java.util.Optional;

/** How the session was obtained; the wire value is the reference CLI's. */
public enum AuthMethod {
    AUTHORIZATION_CODE("authorization_code", "Browser (Authorization Code + PKCE)"),
    DEVICE_CODE("device_code", "Headless (Device Authorization Grant)");

    private final String wireValue;
    private final String label;

    AuthMethod(String wireValue, String label) {
        this.wireValue = wireValue;
        this.label = label;
    }

    public String wireValue() {
        return wireValue;
    }

    public String label() {
        return label;
    }

    public static Optional<AuthMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireValue.equals(value)).findFirst();
    }
}
