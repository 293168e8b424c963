package dev.speckitty.shell.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.shell.command.SpecKittyCommand;
import dev.speckitty.shell.settings.HostedTarget;
import dev.speckitty.shell.settings.MachineConfig;
import dev.speckitty.shell.settings.RuntimeEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/**
 * No usable hosted URL looks the same whoever notices it: the shell asking {@link HostedTarget}
 * first, or a hosted port called from a use case (the domain's {@link HostedUnavailableException}).
 * Same stderr, same stdout with and without --json, same exit code.
 */
class HostedUnavailableRenderingTest {

    @TempDir
    Path home;

    private record Run(int exit, String out, String err) {}

    private static Run run(HostedTarget target, boolean fromPort, boolean json) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SpecKittyCommand command = new SpecKittyCommand("sync now", "Sends.", "Test", List.of()) {
            @Override
            public ExitStatus execute(CommandContext context) {
                if (fromPort) {
                    throw new HostedUnavailableException((HostedAddress.Unusable) target.address());
                }
                target.requireBaseUrl();
                return ExitStatus.OK;
            }
        };
        SpecKittyShellRunner runner = new SpecKittyShellRunner(new CommandRegistry(Set.of(command)),
                new TerminalStreams(new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader(""))));
        runner.run(json ? new String[] {"sync", "now", "--json"} : new String[] {"sync", "now"});
        return new Run(runner.exitCode().code(), out.toString(), err.toString());
    }

    private HostedTarget target(Map<String, String> environment) {
        return new HostedTarget(RuntimeEnvironment.of(environment), new MachineConfig(home.resolve("config.toml")));
    }

    private static void sameFromEitherSide(HostedTarget target) {
        for (boolean json : List.of(false, true)) {
            Run shell = run(target, false, json);
            Run port = run(target, true, json);
            assertThat(port).isEqualTo(shell);
            assertThat(port.exit()).isEqualTo(ExitCode.FAILED.code());
        }
    }

    @Test
    void noUrlConfigured() {
        HostedTarget target = target(Map.of());
        sameFromEitherSide(target);

        assertThat(run(target, true, false).err()).isEqualTo("X No hosted server is configured. Set SPEC_KITTY_SAAS_URL, "
                + "or set [sync] server_url in " + home.resolve("config.toml")
                + " (e.g. https://app.spec-kitty.ai), then try again.\n");
        assertThat(run(target, true, true).out()).contains("\"code\":\"command_failed\"",
                "\"message\":\"No hosted server is configured.");
    }

    @Test
    void aRefusedUrl() {
        HostedTarget target = target(Map.of(HostedTarget.URL_VARIABLE, "https://me:SECRET_pw@app.spec-kitty.ai"));
        sameFromEitherSide(target);

        Run port = run(target, true, false);
        assertThat(port.err()).isEqualTo("X The hosted server URL must not carry a user name or password.\n"
                + "  Check SPEC_KITTY_SAAS_URL or [sync] server_url in config.toml.\n");
        assertThat(port.err() + port.out() + run(target, true, true).out()).doesNotContain("SECRET");
    }

    @Test
    void anUnreadableMachineConfig() throws IOException {
        Files.writeString(home.resolve("config.toml"), "[sync\nserver_url = 'SECRET_x'");
        HostedTarget target = target(Map.of());
        sameFromEitherSide(target);

        assertThat(run(target, true, false).err()).isEqualTo("Machine config " + home.resolve("config.toml")
                + " is not valid TOML.\n  Fix or remove the file; the hosted URL is read from [sync] server_url, "
                + "e.g. server_url = \"https://...\".\n");
    }
}
