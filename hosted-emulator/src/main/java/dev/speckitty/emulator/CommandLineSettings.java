package dev.speckitty.emulator;

import java.time.Duration;

/** Turns {@code --name[=value]} arguments into {@link EmulatorSettings}. Durations are whole seconds. */
final class CommandLineSettings {

    static final String USAGE = """
            usage: java -jar hosted-emulator-<version>-exec.jar [options]
              --port=N                    port on 127.0.0.1 (default 0: a free port)
              --auto-approve              approve browser and device logins without a person
              --standard-only             spec-kitty extensions off: only /oauth2/* paths, found via discovery
              --no-discovery              /.well-known/oauth-authorization-server answers 404
              --no-private-team           the default user has no Private Teamspace
              --me-without-private-team   /api/v1/me leaves the Private Teamspace out
              --no-slow-down              never answer slow_down to fast device polls
              --revoke-family-on-reuse    reusing a spent refresh token revokes its session
              --access-token-ttl=S        access token lifetime (default 900)
              --access-token-leeway=S     bearer endpoints accept an access token S seconds past expiry (default 0)
              --refresh-token-ttl=S       refresh token lifetime (default 2592000)
              --replay-window=S           a just-spent refresh token answers 409 for S seconds (default 0)
              --replay-retry-after=S      retry_after in that 409 (default 1)
              --device-interval=S         device polling interval (default 1)
              --device-expires-in=S       device code lifetime (default 900)
            """;

    private CommandLineSettings() {
    }

    static EmulatorSettings parse(String[] args) {
        EmulatorSettings.Builder builder = EmulatorSettings.builder();
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--port" -> builder.port(number(name, value));
                case "--auto-approve" -> builder.autoApprove(true);
                case "--standard-only" -> builder.standardOnly(true);
                case "--no-discovery" -> builder.discovery(false);
                case "--no-private-team" -> builder.privateTeam(false);
                case "--me-without-private-team" -> builder.meWithoutPrivateTeam(true);
                case "--no-slow-down" -> builder.slowDown(false);
                case "--revoke-family-on-reuse" -> builder.revokeFamilyOnReuse(true);
                case "--access-token-ttl" -> builder.accessTokenTtl(seconds(name, value));
                case "--access-token-leeway" -> builder.accessTokenLeeway(seconds(name, value));
                case "--refresh-token-ttl" -> builder.refreshTokenTtl(seconds(name, value));
                case "--replay-window" -> builder.replayWindow(seconds(name, value));
                case "--replay-retry-after" -> builder.replayRetryAfterSeconds(number(name, value));
                case "--device-interval" -> builder.deviceInterval(seconds(name, value));
                case "--device-expires-in" -> builder.deviceExpiresIn(seconds(name, value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return builder.build();
    }

    private static Duration seconds(String name, String value) {
        return Duration.ofSeconds(number(name, value));
    }

    private static int number(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value, e.g. " + name + "=0");
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
