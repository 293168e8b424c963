package dev.speckitty.shell.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.shell.inprocess.InProcessCli.Result;
import dev.speckitty.shell.runner.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code teamspace} commands in-process over real {@code .kittify/config.yaml} and {@code .git/config} files. */
class TeamspaceCommandsTest {

    @TempDir
    Path root;

    private InProcessCli project() {
        return InProcessCli.in(root).connectedProject();
    }

    @Test
    void bindStatusUnbindRoundTrip() throws Exception {
        InProcessCli cli = project();
        Result bind = cli.run("teamspace", "bind", "acme/other");
        assertThat(bind.exit()).as(bind.toString()).isEqualTo(ExitCode.OK);
        assertThat(bind.out()).isEqualTo("+ Bound to teamspace acme/other\n");
        assertThat(Files.readString(cli.project().resolve(".kittify/config.yaml"))).contains("acme/other");

        Result status = cli.run("teamspace", "status");
        assertThat(status.exit()).as(status.toString()).isEqualTo(ExitCode.OK);
        assertThat(status.out()).contains("Teamspace:     acme/other", "Repository:    acme/spec-kitty",
                "Session:       not logged in; run spec-kitty auth login");
        Result json = cli.run("teamspace", "status", "--json");
        assertThat(json.json().path("teamspace").asString()).isEqualTo("acme/other");
        assertThat(json.json().path("session_state").asString()).isEqualTo("not_authenticated");

        Result unbind = cli.run("teamspace", "unbind", "--json");
        assertThat(unbind.exit()).isEqualTo(ExitCode.OK);
        assertThat(unbind.json().path("status").asString()).isEqualTo("unbound");
        assertThat(cli.run("teamspace", "unbind").out()).isEqualTo("i No teamspace is bound.\n");
    }

    @Test
    void outsideAProjectEveryCommandSaysWhereToRunIt() {
        InProcessCli cli = InProcessCli.in(root);
        Result status = cli.run("teamspace", "status");
        assertThat(status.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(status.err()).contains("Not inside a spec-kitty project");
        assertThat(cli.run("teamspace", "status", "--json").error().path("code").asString()).isEqualTo("not_in_a_project");
        Result bind = cli.run("teamspace", "bind", "acme/x", "--json");
        assertThat(bind.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(bind.error().path("code").asString()).isEqualTo("not_in_a_project");
        assertThat(cli.run("teamspace", "unbind").exit()).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void bindRefusesABadHandle() {
        Result bind = project().run("teamspace", "bind", "/etc");
        assertThat(bind.exit()).isEqualTo(ExitCode.USAGE_OR_INTERNAL);
        assertThat(bind.err()).contains("'/etc' is not a Teamspace handle");
    }
}
