package dev.speckitty.emulator;

import java.util.Arrays;
import java.util.Optional;

/** The endpoints the emulator serves, by the stable key used in counters and faults. */
public enum Endpoint {
    DISCOVERY("discovery"),
    AUTHORIZE("authorize"),
    CONSENT("consent"),
    DEVICE_AUTHORIZATION("device_authorization"),
    DEVICE_PAGE("device_page"),
    TOKEN("token"),
    REVOKE("revoke"),
    ME("me"),
    SESSION_STATUS("session_status"),
    INTROSPECT("introspect"),
    USERINFO("userinfo"),
    EVENTS_BATCH("events_batch"),
    SYNC_HEALTH("sync_health"),
    TRACKER_STATUS("tracker_status"),
    TRACKER_PULL("tracker_pull"),
    NOT_FOUND("not_found");

    private final String key;

    Endpoint(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Endpoint> byKey(String key) {
        return Arrays.stream(values()).filter(endpoint -> endpoint.key.equals(key)).findFirst();
    }
}
