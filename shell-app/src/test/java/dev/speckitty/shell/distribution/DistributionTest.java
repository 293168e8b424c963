package dev.speckitty.shell.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.EmulatorSettings;
import dev.speckitty.emulator.HostedEmulator;
import dev.speckitty.emulator.state.ReceivedEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: the self-contained distribution, built by {@code bin/dist} from the packaged exec jar,
 * unpacked with tar, checked with sha256sum, installed by its {@code install.sh} into a temporary
 * prefix and {@code HOME}, and run with no {@code JAVA_HOME} and a {@code PATH} holding no java at
 * all: {@code --version}, {@code auth status}, a device login and {@code sync now} against the
 * emulator, the interactive shell's {@code help}, then {@code --uninstall}. The running CLI's
 * executable is the bundled runtime; install and uninstall never touch {@code ~/.spec-kitty}.
 * One test, since building the distribution (jdeps, jlink, AOT training) is most of its time.
 */
class DistributionTest {

    /** Modules bin/dist adds to jdeps' findings (DIST_ADDED_MODULES, docs/distribution.md). */
    private static final Set<String> DOCUMENTED_ADDITIONS = Set.of("jdk.management", "jdk.management.jfr");
    /** What install.sh and the launcher need, linked into a directory that is the whole PATH. */
    private static final List<String> TOOLS = List.of("bash", "env", "readlink", "dirname", "cat", "cut", "cmp",
            "sha256sum", "cp", "mkdir", "ln", "rm", "rmdir", "find", "sed", "mktemp", "mv", "grep");

    @TempDir
    Path temp;

    private final Path root = Path.of(System.getProperty("spec-kitty.root")).toAbsolutePath().normalize();
    private final Path execJar = Path.of(System.getProperty("spec-kitty.exec-jar")).toAbsolutePath();
    private Path home;
    private Path tools;

    @Test
    @Timeout(900)
    void builtInstalledAndRunOnTheBundledRuntimeOnly() throws Exception {
        String version = execJar.getFileName().toString().replaceFirst("^shell-app-", "").replaceFirst("-exec\\.jar$", "");
        Path out = temp.resolve("out");
        Run dist = host(root, Duration.ofMinutes(12), root.resolve("bin/dist").toString(),
                "--jar", execJar.toString(), "--out", out.toString());
        assertThat(dist.code()).as(dist.describe()).isZero();
        Path archive = Path.of(dist.stdout().strip());
        assertThat(archive.getFileName().toString()).startsWith("spec-kitty-" + version + "-").endsWith(".tar.gz");
        System.out.printf("distribution: archive %.1f MB%n", Files.size(archive) / 1048576.0);
        assertThat(host(out, Duration.ofMinutes(1), "sha256sum", "-c",
                archive.getFileName() + ".sha256").code()).as("sha256sum -c of the archive").isZero();

        Path unpacked = temp.resolve("unpacked");
        Files.createDirectories(unpacked);
        assertThat(host(unpacked, Duration.ofMinutes(2), "tar", "xzf", archive.toString()).code()).isZero();
        Path distDir = unpacked.resolve(archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", ""));
        for (String shipped : List.of("install.sh", "bin/spec-kitty", "NOTICE", "legal", "runtime/legal",
                "sbom/spec-kitty.cdx.json", "app/spec-kitty.aot", "SHA256SUMS")) {
            assertThat(distDir.resolve(shipped)).as(shipped).exists();
        }
        try (Stream<Path> app = Files.list(distDir.resolve("app"))) {
            assertThat(app.map(p -> p.getFileName().toString()).sorted())
                    .as("app/: the jars merged into one (bin/lib/JarMerge.java) and the AOT cache")
                    .containsExactly("shell-app-" + version + "-exec.jar", "spec-kitty.aot");
        }
        assertThat(Files.readString(distDir.resolve("NOTICE"))).contains("spring-core-").contains("Apache-2.0")
                .contains("sqlite-jdbc-").contains("runtime/legal/");
        assertRuntimeHoldsExactlyTheNeededModules(distDir);

        home = Files.createDirectories(temp.resolve("home"));
        Path data = Files.createDirectories(home.resolve(".spec-kitty"));
        Files.writeString(data.resolve("keep-me"), "the CLI's data, which no installer may touch");
        tools = toolsOnly();
        Path prefix = temp.resolve("prefix");
        Path installed = prefix.resolve("share/spec-kitty").resolve(version);

        Run install = cli(distDir, Map.of(), distDir.resolve("install.sh").toString(), "--prefix", prefix.toString());
        assertThat(install.code()).as(install.describe()).isZero();
        Run again = cli(distDir, Map.of(), distDir.resolve("install.sh").toString(), "--prefix", prefix.toString());
        assertThat(again.code()).as(again.describe()).isZero();
        assertThat(again.stdout()).contains("already installed");
        assertThat(installed.resolve("app/spec-kitty.local.aot")).as("the start-up cache trained where installed")
                .isNotEmptyFile();
        Path launcher = prefix.resolve("bin/spec-kitty");
        assertThat(launcher.toRealPath()).isEqualTo(installed.resolve("bin/spec-kitty").toRealPath());
        assertThat(snapshot(data)).containsExactly("keep-me");

        Run noJava = cli(home, Map.of(), "bash", "-c", "command -v java || echo none");
        assertThat(noJava.stdout().strip()).as("java on the test's PATH").isEqualTo("none");

        for (String flag : List.of("--version", "-V", "version")) {
            Run shown = cli(home, Map.of(), launcher.toString(), flag);
            assertThat(shown.code()).as(shown.describe()).isZero();
            assertThat(shown.stdout()).startsWith("spec-kitty " + version + "\n").contains("commit:  ")
                    .contains("built:   ").contains(", bundled (" + installed.resolve("runtime").toRealPath() + ")");
            // The JVM prints AOT cache problems (e.g. a rejected cache) on stderr: there must be none.
            assertThat(shown.stderr()).as(shown.describe()).isEmpty();
        }
        JsonNode versionJson = JsonMapper.builder().build()
                .readTree(cli(home, Map.of(), launcher.toString(), "--version", "--json").stdout());
        assertThat(versionJson.path("version").asString()).isEqualTo(version);
        assertThat(versionJson.path("runtime").path("bundled").asBoolean()).isTrue();

        Run status = cli(home, Map.of(), launcher.toString(), "auth", "status");
        assertThat(status.code()).as(status.describe()).isZero();
        assertThat(status.stdout()).contains("Not authenticated");

        try (HostedEmulator emulator = HostedEmulator.start(EmulatorSettings.builder().autoApprove(true).build())) {
            Map<String, String> hosted = Map.of("SPEC_KITTY_SAAS_URL", emulator.baseUrl(), "SPEC_KITTY_ENABLE_SAAS_SYNC", "1");
            Run login = cli(home, hosted, launcher.toString(), "auth", "login", "--headless");
            assertThat(login.code()).as(login.describe()).isZero();
            assertThat(login.stdout()).contains("+ Authenticated as dev@example.com");
            assertThat(data.resolve("auth/session.json")).as("the session in ~/.spec-kitty").exists();

            Path repo = Files.createDirectories(temp.resolve("repo/.kittify")).getParent();
            Files.writeString(repo.resolve(".kittify/config.yaml"),
                    "project:\n  uuid: 11111111-1111-1111-1111-111111111111\n  slug: dist-test\n");
            Run enqueue = cli(repo, hosted, launcher.toString(), "sync", "enqueue", "--event-type", "dist.test",
                    "--event-id", "dist-1", "--payload", "{\"n\":1}");
            assertThat(enqueue.code()).as(enqueue.describe()).isZero();
            Run sync = cli(repo, hosted, launcher.toString(), "sync", "now");
            assertThat(sync.code()).as(sync.describe()).isZero();
            assertThat(sync.stdout()).contains("Synced: 1");
            assertThat(emulator.receivedEvents()).extracting(ReceivedEvent::eventId).containsExactly("dist-1");
        }

        assertInteractiveShellRunsOnTheBundledRuntime(launcher, installed);

        List<String> dataBefore = snapshot(data);
        Run uninstall = cli(home, Map.of(), installed.resolve("install.sh").toString(), "--prefix", prefix.toString(),
                "--uninstall");
        assertThat(uninstall.code()).as(uninstall.describe()).isZero();
        assertThat(prefix).as("everything the install created, the prefix itself included").doesNotExist();
        assertThat(snapshot(data)).as("~/.spec-kitty after the uninstall").isEqualTo(dataBefore).contains("keep-me");
    }

    /** {@code java --list-modules} of the runtime is jdeps' set plus the documented additions, closed over requires. */
    private void assertRuntimeHoldsExactlyTheNeededModules(Path distDir) throws Exception {
        Set<String> fromJdeps = Set.of(Files.readString(distDir.resolve("lib/jdeps.modules")).strip().split(","));
        Set<String> added = Set.of(Files.readString(distDir.resolve("lib/added.modules")).strip().split(","));
        assertThat(fromJdeps).contains("java.base", "java.sql", "jdk.unsupported");
        assertThat(added).isSubsetOf(DOCUMENTED_ADDITIONS);
        Run listed = host(distDir, Duration.ofMinutes(1), distDir.resolve("runtime/bin/java").toString(),
                "--list-modules");
        Set<String> linked = listed.stdout().lines().map(line -> line.replaceFirst("@.*", "")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(linked).isEqualTo(closure(fromJdeps, added));
    }

    /** The modules and everything they require (not {@code requires static}), from this JDK's own descriptors. */
    private static Set<String> closure(Set<String> first, Set<String> second) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> closed = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(first);
        pending.addAll(second);
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (closed.add(name)) {
                ModuleDescriptor descriptor = system.find(name).orElseThrow().descriptor();
                descriptor.requires().stream().filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                        .map(ModuleDescriptor.Requires::name).forEach(pending::push);
            }
        }
        return closed;
    }

    /** While the shell waits at its prompt, /proc/<pid>/exe is the bundled java; then {@code help} and {@code exit}. */
    private void assertInteractiveShellRunsOnTheBundledRuntime(Path launcher, Path installed) throws Exception {
        Process shell = asUser(home, Map.of(), launcher.toString()).start();
        try {
            Path exe = Path.of("/proc", String.valueOf(shell.pid()), "exe");
            Path javaExe = installed.resolve("runtime/bin/java").toRealPath();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            Path running = Files.readSymbolicLink(exe);
            while (!running.equals(javaExe) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20); // env, then the launcher's bash, then (same pid) java
                running = Files.readSymbolicLink(exe);
            }
            assertThat(running).as("the running CLI's executable").isEqualTo(javaExe);
            String commandLine = Files.readString(Path.of("/proc", String.valueOf(shell.pid()), "cmdline"))
                    .replace('\0', ' ');
            assertThat(commandLine).as("the running CLI's JVM arguments")
                    .contains("-XX:AOTCache=" + installed.resolve("app/spec-kitty.local.aot"))
                    .contains("-cp " + installed.resolve("app/shell-app-" + installed.getFileName() + "-exec.jar")
                            + " dev.speckitty.shell.SpecKittyApplication"); // the merged jar, started without -jar
            try (OutputStream stdin = shell.getOutputStream()) {
                stdin.write("help\nexit\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(shell.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String stdout = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(shell.exitValue()).as(stdout).isZero();
            // piped input: no prompt on stdout (issue 15), the overview with the shell's own exit, quit
            assertThat(stdout).startsWith("spec-kitty: command-line client").doesNotContain("spec-kitty> ")
                    .contains("auth login", "version ", "exit, quit");
        } finally {
            shell.destroyForcibly();
        }
    }

    private Path toolsOnly() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(dir.resolve(tool), found);
        }
        return dir;
    }

    private static List<String> snapshot(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private record Run(List<String> command, int code, String stdout, String stderr) {
        String describe() {
            return String.join(" ", command) + " -> exit " + code + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** As a user without Java: HOME is the temp home, no JAVA_HOME, PATH only the linked tools. */
    private Run cli(Path dir, Map<String, String> extra, String... command) throws Exception {
        return run(asUser(dir, extra, command), Duration.ofMinutes(3));
    }

    /** As the build runs tools: this JVM's environment (JAVA_HOME, PATH). */
    private Run host(Path dir, Duration limit, String... command) throws Exception {
        return run(new ProcessBuilder(command).directory(dir.toFile()), limit);
    }

    private ProcessBuilder asUser(Path dir, Map<String, String> extra, String... command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("HOME", home.toString());
        env.put("PATH", tools.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        return builder;
    }

    private Run run(ProcessBuilder builder, Duration limit) throws Exception {
        Path stdout = Files.createTempFile(temp, "out", ".txt");
        Path stderr = Files.createTempFile(temp, "err", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        List<String> command = builder.command();
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + limit);
        }
        return new Run(List.copyOf(command), process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
