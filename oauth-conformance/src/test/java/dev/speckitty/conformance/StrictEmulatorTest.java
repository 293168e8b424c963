package dev.speckitty.conformance;

import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.GrantType;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.ObservedSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The same scenarios against the emulator's strict {@code --standard-only} mode (auto-approving,
 * so the device step needs no user), which must behave like the real server above.
 */
class StrictEmulatorTest extends StandardsServerScenarios {

    HostedEmulator emulator;

    @Override
    StandardsServer start() {
        emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).standardOnly(true).build());
        return new StandardsServer() {
            @Override
            public String baseUrl() {
                return emulator.baseUrl();
            }

            @Override
            public String tokenPath() {
                return "/oauth2/token";
            }

            @Override
            public String approvePendingDevice() {
                return null; // auto-approve: the emulator grants on the first poll
            }

            @Override
            public String browserCommand(Path dir) throws Exception {
                Path script = dir.resolve("curl-browser");
                Files.writeString(script, "#!/bin/sh\nexec curl -s -L -o /dev/null \"$1\"\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
                return script.toString();
            }

            @Override
            public int refreshRequests() {
                return (int) emulator.counters().grantRequests(GrantType.REFRESH_TOKEN);
            }

            @Override
            public int rotations() {
                return (int) emulator.counters().tokensIssued(GrantType.REFRESH_TOKEN);
            }

            @Override
            public List<String> serverSideSecrets() {
                // every token, code and verifier the emulator issued or received
                return emulator.secrets().stream().map(ObservedSecret::value).toList();
            }

            @Override
            public void close() {
                emulator.close();
            }
        };
    }
}
