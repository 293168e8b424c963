package dev.speckitty.emulator.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Device authorization grants (RFC 8628): user codes to approve, device codes to poll. */
public final class DeviceAuthorizations {

    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final Clock clock;
    private final RuntimeSwitches switches;
    private final TokenGenerator generator;
    private final SecretLedger ledger;
    private final Map<String, Authorization> byDeviceCode = new HashMap<>();

    public DeviceAuthorizations(Clock clock, RuntimeSwitches switches, TokenGenerator generator, SecretLedger ledger) {
        this.clock = clock;
        this.switches = switches;
        this.generator = generator;
        this.ledger = ledger;
    }

    public synchronized DeviceGrant start(String clientId, String scope) {
        Duration lifetime = switches.deviceExpiresIn();
        Duration interval = switches.deviceInterval();
        String userCode = switches.deviceUserCode() != null ? switches.deviceUserCode() : generator.userCode();
        Authorization authorization = new Authorization(generator.deviceCode(), userCode,
                clientId, scope, clock.instant().plus(lifetime), interval);
        byDeviceCode.put(authorization.deviceCode, authorization);
        ledger.record(SecretKind.DEVICE_CODE, authorization.deviceCode);
        return new DeviceGrant(authorization.deviceCode, authorization.userCode,
                lifetime.toSeconds(), interval.toSeconds());
    }

    /** The user's decision on the verification page. False when the code is unknown, expired or decided. */
    public synchronized boolean decide(String userCode, boolean approve, String userId) {
        Optional<Authorization> found = findByUserCode(userCode);
        if (found.isEmpty() || found.get().status != Status.PENDING || isExpired(found.get())) {
            return false;
        }
        Authorization authorization = found.get();
        authorization.status = approve ? Status.APPROVED : Status.DENIED;
        authorization.userId = userId;
        return true;
    }

    public synchronized boolean isPending(String userCode) {
        return findByUserCode(userCode).filter(a -> a.status == Status.PENDING && !isExpired(a)).isPresent();
    }

    /**
     * One poll. With {@code autoApproveAs} set, a pending code is approved by that user during this poll,
     * which still answers "pending": the client sees one pending answer, then tokens on its next poll.
     */
    public synchronized DevicePoll poll(String deviceCode, String clientId, String autoApproveAs) {
        Authorization authorization = byDeviceCode.get(deviceCode);
        if (authorization == null || authorization.status == Status.CONSUMED
                || !authorization.clientId.equals(clientId)) {
            return new DevicePoll.Unknown();
        }
        if (isExpired(authorization)) {
            return new DevicePoll.Expired();
        }
        Instant now = clock.instant();
        Instant previous = authorization.lastPollAt;
        authorization.lastPollAt = now;
        if (switches.slowDown() && previous != null && now.isBefore(previous.plus(authorization.interval))) {
            authorization.interval = authorization.interval.plus(SLOW_DOWN_STEP);
            return new DevicePoll.SlowDown();
        }
        return switch (authorization.status) {
            case PENDING -> {
                if (autoApproveAs != null) {
                    authorization.status = Status.APPROVED;
                    authorization.userId = autoApproveAs;
                }
                yield new DevicePoll.Pending();
            }
            case DENIED -> new DevicePoll.Denied();
            case APPROVED -> {
                authorization.status = Status.CONSUMED;
                yield new DevicePoll.Approved(authorization.userId, authorization.clientId, authorization.scope);
            }
            case CONSUMED -> new DevicePoll.Unknown();
        };
    }

    public synchronized void clear() {
        byDeviceCode.clear();
    }

    private Optional<Authorization> findByUserCode(String userCode) {
        String wanted = normalise(userCode);
        return byDeviceCode.values().stream().filter(a -> normalise(a.userCode).equals(wanted)).findFirst();
    }

    private boolean isExpired(Authorization authorization) {
        return !clock.instant().isBefore(authorization.expiresAt);
    }

    /** Users type codes loosely: case, dashes and spaces do not matter. */
    private static String normalise(String userCode) {
        return userCode == null ? "" : userCode.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private enum Status { PENDING, APPROVED, DENIED, CONSUMED }

    private static final class Authorization {
        private final String deviceCode;
        private final String userCode;
        private final String clientId;
        private final String scope;
        private final Instant expiresAt;
        private Duration interval;
        private Instant lastPollAt;
        private Status status = Status.PENDING;
        private String userId;

        Authorization(String deviceCode, String userCode, String clientId, String scope,
                      Instant expiresAt, Duration interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.clientId = clientId;
            this.scope = scope;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }
    }
}
