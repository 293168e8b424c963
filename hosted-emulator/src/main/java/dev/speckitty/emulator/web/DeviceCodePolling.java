package dev.speckitty.emulator.web;

import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.state.CallCounters;
import dev.speckitty.emulator.state.DeviceAuthorizations;
import dev.speckitty.emulator.state.DevicePoll;
import dev.speckitty.emulator.state.IssuedTokens;
import dev.speckitty.emulator.state.NewSession;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.TokenStore;
import dev.speckitty.emulator.state.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** grant_type=urn:ietf:params:oauth:grant-type:device_code: the RFC 8628 §3.5 poll answers. */
final class DeviceCodePolling {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCodePolling.class);

    private final DeviceAuthorizations devices;
    private final TokenStore tokens;
    private final UserDirectory users;
    private final RuntimeSwitches switches;
    private final CallCounters counters;
    private final TokenRefusals refusals;

    DeviceCodePolling(DeviceAuthorizations devices, TokenStore tokens, UserDirectory users,
                      RuntimeSwitches switches, CallCounters counters, TokenRefusals refusals) {
        this.devices = devices;
        this.tokens = tokens;
        this.users = users;
        this.switches = switches;
        this.counters = counters;
        this.refusals = refusals;
    }

    Mono<ServerResponse> poll(MultiValueMap<String, String> form, String clientId) {
        String deviceCode = TokenHandler.required(form, "device_code");
        if (deviceCode == null) {
            return refusals.refuse("invalid_request", "device_code is required.");
        }
        String autoApproveAs = switches.autoApprove() ? users.signedInUser().userId() : null;
        return switch (devices.poll(deviceCode, clientId, autoApproveAs)) {
            case DevicePoll.Pending pending -> error("authorization_pending", "The user has not approved yet.");
            case DevicePoll.SlowDown slowDown -> error("slow_down", "Polling too fast; add 5 seconds to the interval.");
            case DevicePoll.Denied denied -> error("access_denied", "The user denied the request.");
            case DevicePoll.Expired expired -> error("expired_token", "The device code has expired.");
            case DevicePoll.Unknown unknown -> error("invalid_grant", "Unknown or already used device code.");
            case DevicePoll.Approved approved -> issue(approved);
        };
    }

    private Mono<ServerResponse> issue(DevicePoll.Approved approved) {
        IssuedTokens issued = tokens.openSession(
                NewSession.forUser(approved.userId(), approved.clientId(), approved.scope()));
        counters.tokensIssued(GrantType.DEVICE_CODE);
        LOG.info("session {} opened by device code", issued.sessionId());
        return OAuthResponses.tokens(issued, switches.standardOnly());
    }

    private Mono<ServerResponse> error(String code, String description) {
        return refusals.refuse(code, description);
    }
}
