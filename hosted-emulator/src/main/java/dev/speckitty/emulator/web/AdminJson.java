package dev.speckitty.emulator.web;

import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.EmulatorState;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.RuntimeSwitches;
import dev.speckitty.emulator.state.SessionSeed;
import dev.speckitty.emulator.state.Team;
import dev.speckitty.emulator.state.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads admin commands from JSON and writes admin answers as JSON, checking names and types strictly. */
final class AdminJson {

    private static final Set<String> SETTINGS = Set.of("auto_approve", "standard_only", "discovery",
            "private_team", "me_without_private_team", "me_absent", "slow_down", "revoke_family_on_reuse", "access_token_ttl",
            "access_token_leeway", "refresh_token_ttl", "replay_window", "replay_retry_after", "device_interval", "device_expires_in",
            "device_user_code");

    private AdminJson() {
    }

    static Map<String, Object> settings(EmulatorState state) {
        RuntimeSwitches switches = state.switches();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("auto_approve", switches.autoApprove());
        json.put("standard_only", switches.standardOnly());
        json.put("discovery", switches.discovery());
        json.put("private_team", state.privateTeam());
        json.put("me_without_private_team", switches.meWithoutPrivateTeam());
        json.put("me_absent", switches.meAbsent());
        json.put("slow_down", switches.slowDown());
        json.put("revoke_family_on_reuse", switches.revokeFamilyOnReuse());
        json.put("access_token_ttl", switches.accessTokenTtl().toSeconds());
        json.put("access_token_leeway", switches.accessTokenLeeway().toSeconds());
        json.put("refresh_token_ttl", switches.refreshTokenTtl().toSeconds());
        json.put("replay_window", switches.replayWindow().toSeconds());
        json.put("replay_retry_after", switches.replayRetryAfterSeconds());
        json.put("device_interval", switches.deviceInterval().toSeconds());
        json.put("device_expires_in", switches.deviceExpiresIn().toSeconds());
        json.put("device_user_code", switches.deviceUserCode());
        json.put("clock_offset_seconds", state.clock().offset().toSeconds());
        return json;
    }

    /** Applies a partial settings object; an unknown name fails the whole update before anything changes. */
    static void applySettings(EmulatorState state, Map<String, Object> patch) {
        for (String name : patch.keySet()) {
            if (!SETTINGS.contains(name)) {
                throw new BadRequestException("unknown setting '" + name + "'; known: " + SETTINGS);
            }
        }
        RuntimeSwitches switches = state.switches();
        patch.forEach((name, value) -> {
            switch (name) {
                case "auto_approve" -> switches.autoApprove(bool(name, value));
                case "standard_only" -> switches.standardOnly(bool(name, value));
                case "discovery" -> switches.discovery(bool(name, value));
                case "private_team" -> state.privateTeam(bool(name, value));
                case "me_without_private_team" -> switches.meWithoutPrivateTeam(bool(name, value));
                case "me_absent" -> switches.meAbsent(bool(name, value));
                case "slow_down" -> switches.slowDown(bool(name, value));
                case "revoke_family_on_reuse" -> switches.revokeFamilyOnReuse(bool(name, value));
                case "access_token_ttl" -> switches.accessTokenTtl(seconds(name, value));
                case "access_token_leeway" -> switches.accessTokenLeeway(seconds(name, value));
                case "refresh_token_ttl" -> switches.refreshTokenTtl(seconds(name, value));
                case "replay_window" -> switches.replayWindow(seconds(name, value));
                case "replay_retry_after" -> switches.replayRetryAfterSeconds(integer(name, value));
                case "device_interval" -> switches.deviceInterval(seconds(name, value));
                case "device_expires_in" -> switches.deviceExpiresIn(seconds(name, value));
                case "device_user_code" -> switches.deviceUserCode(value == null ? null : String.valueOf(value));
                default -> throw new BadRequestException("unknown setting '" + name + "'");
            }
        });
    }

    /**
     * {@code {"endpoint":"token","status":503,"body":{…},"headers":{…},"delay_ms":0,"drop_connection":false,
     * "times":1,"delay_response_ms":0}}
     */
    @SuppressWarnings("unchecked")
    static Fault fault(Map<String, Object> json) {
        Object headers = json.get("headers");
        if (headers != null && !(headers instanceof Map)) {
            throw new BadRequestException("headers must be an object of strings");
        }
        Map<String, String> headerValues = new LinkedHashMap<>();
        if (headers != null) {
            ((Map<String, Object>) headers).forEach((name, value) -> headerValues.put(name, String.valueOf(value)));
        }
        Integer status = json.get("status") == null ? null : integer("status", json.get("status"));
        long delayMs = json.get("delay_ms") == null ? 0 : integer("delay_ms", json.get("delay_ms"));
        boolean drop = json.get("drop_connection") != null && bool("drop_connection", json.get("drop_connection"));
        Integer times = json.get("times") == null ? null : integer("times", json.get("times"));
        long responseDelayMs = json.get("delay_response_ms") == null ? 0
                : integer("delay_response_ms", json.get("delay_response_ms"));
        try {
            return new Fault(status, json.get("body"), headerValues, delayMs, drop, times, responseDelayMs);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static User user(Map<String, Object> json, User fallback) {
        String email = text(json, "email", fallback.email());
        String userId = text(json, "user_id", json.containsKey("email") ? "u-" + email.replaceAll("[^A-Za-z0-9]", "-") : fallback.userId());
        String name = text(json, "name", json.containsKey("email") ? email : fallback.name());
        List<Team> teams = fallback.teams();
        if (json.containsKey("teams")) {
            if (!(json.get("teams") instanceof List<?> list)) {
                throw new BadRequestException("teams must be a list");
            }
            teams = new ArrayList<>();
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> team)) {
                    throw new BadRequestException("each team must be an object");
                }
                Map<String, Object> fields = (Map<String, Object>) team;
                Object isPrivate = fields.get("is_private_teamspace");
                teams.add(new Team(requiredText(fields, "id"), requiredText(fields, "name"),
                        text(fields, "role", "member"), isPrivate != null && bool("is_private_teamspace", isPrivate)));
            }
        }
        return new User(userId, email, name, teams);
    }

    /** Session seed fields: user fields (email, name, user_id, teams) plus token and lifetime overrides. */
    static SessionSeed sessionSeed(Map<String, Object> json, User signedIn) {
        boolean customUser = json.containsKey("email") || json.containsKey("teams") || json.containsKey("user_id")
                || json.containsKey("name");
        SessionSeed seed = SessionSeed.signedInUser()
                .withUser(customUser ? user(json, signedIn) : null)
                .withSessionId(text(json, "session_id", null))
                .withTokens(text(json, "access_token", null), text(json, "refresh_token", null))
                .withClientId(text(json, "client_id", null));
        if (json.get("access_token_expires_in") != null) {
            seed = seed.withAccessTokenTtl(Duration.ofSeconds(integer("access_token_expires_in",
                    json.get("access_token_expires_in"))));
        }
        if (json.get("refresh_token_expires_in") != null) {
            seed = seed.withRefreshTokenTtl(Duration.ofSeconds(integer("refresh_token_expires_in",
                    json.get("refresh_token_expires_in"))));
        }
        return seed;
    }

    /** Everything a test needs to write a client session file: tokens, lifetimes, session id, user and teams. */
    static Map<String, Object> minted(MintedSession minted) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session_id", minted.sessionId());
        json.put("access_token", minted.accessToken());
        json.put("refresh_token", minted.refreshToken());
        json.put("token_type", "Bearer");
        json.put("expires_in", minted.tokens().accessTokenExpiresInSeconds());
        json.put("access_token_expires_at", OAuthResponses.iso(minted.tokens().accessTokenExpiresAt()));
        json.put("refresh_token_expires_at", OAuthResponses.iso(minted.tokens().refreshTokenExpiresAt()));
        json.put("refresh_token_expires_in", minted.tokens().refreshTokenExpiresInSeconds());
        json.put("scope", minted.tokens().scope());
        json.put("generation", minted.tokens().generation());
        json.put("user", minted.user().toJson());
        return json;
    }

    static boolean bool(String name, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new BadRequestException(name + " must be true or false");
    }

    static int integer(String name, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new BadRequestException(name + " must be a whole number");
    }

    private static Duration seconds(String name, Object value) {
        int seconds = integer(name, value);
        if (seconds < 0) {
            throw new BadRequestException(name + " must not be negative");
        }
        return Duration.ofSeconds(seconds);
    }

    private static String text(Map<String, Object> json, String name, String fallback) {
        Object value = json.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text) {
            return text;
        }
        throw new BadRequestException(name + " must be a string");
    }

    private static String requiredText(Map<String, Object> json, String name) {
        String value = text(json, name, null);
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required");
        }
        return value;
    }
}
