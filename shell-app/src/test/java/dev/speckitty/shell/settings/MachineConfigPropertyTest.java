package dev.speckitty.shell.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.speckitty.domain.hosted.HostedAddress;
import dev.speckitty.domain.hosted.HostedUnavailableException;
import dev.speckitty.adapters.storage.support.Generate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code config.toml} over generated documents (comments, every TOML value type, tables, arrays
 * of tables, dotted keys, inline tables): {@code [sync] server_url} is read in every valid
 * spelling; a wrong-typed {@code sync} or {@code server_url}, a malformed document and bytes that
 * are not UTF-8 are a configuration error naming the file (no stack trace, nothing quoted from the
 * file), never a silent fallback; and the hosted URL built from it is never a built-in default and
 * never echoes a mistyped URL that may carry credentials.
 */
class MachineConfigPropertyTest {

    private static final int DOCUMENTS = 400;
    private static final String SECRET = "SECRET_sentinel_9f";
    private static final Map<String, AtomicInteger> OUTCOMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A server_url value and what HostedTarget makes of it: the base URL, or null for a refusal. */
    private record Url(String value, String baseUrl) {}

    private static final List<Url> URLS = List.of(
            new Url("https://app.spec-kitty.ai", "https://app.spec-kitty.ai"),
            new Url("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
            new Url("https://x.example/base//", "https://x.example/base"),
            new Url("  https://padded.example  ", "https://padded.example"),
            new Url("ftp://user:" + SECRET + "@host.example", null),
            new Url("not a url " + SECRET, null),
            new Url("http://", null),
            new Url("file:///etc/" + SECRET, null),
            new Url("https:/" + SECRET, null));

    enum Expect { URL, ABSENT, WRONG_TYPE, NOT_A_TABLE, MALFORMED, NOT_UTF8 }

    record Document(int index, byte[] bytes, Expect expect, Url url) {
        @Override
        public String toString() {
            return "document " + index + " (" + expect + ")";
        }
    }

    @TempDir
    Path home;

    static Stream<Document> documents() {
        Random random = Generate.random("config.toml");
        return IntStream.range(0, DOCUMENTS).mapToObj(i -> new Generator(random).document(i));
    }

    @AfterAll
    static void printTheFigures() {
        System.out.println("config.toml: " + DOCUMENTS + " documents " + OUTCOMES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void serverUrlIsReadWhenValidAndEverythingElseIsAClearConfigurationError(Document document) throws Exception {
        Path file = Files.write(home.resolve("config.toml"), document.bytes());
        MachineConfig config = new MachineConfig(file);
        String shown = new String(document.bytes(), StandardCharsets.UTF_8);
        OUTCOMES.computeIfAbsent(document.expect().name(), any -> new AtomicInteger()).incrementAndGet();

        Throwable failure = catchThrowable(config::syncServerUrl);
        switch (document.expect()) {
            case URL, ABSENT -> {
                assertThat(failure).as(shown).isNull();
                String expected = document.expect() == Expect.ABSENT ? null : document.url().value().strip();
                assertThat(config.syncServerUrl()).as(shown).isEqualTo(java.util.Optional.ofNullable(expected));
                checkHostedTarget(config, document, shown);
            }
            case WRONG_TYPE -> assertClearError(failure, file, ": [sync] server_url must be a string, not ", shown);
            case NOT_A_TABLE -> assertClearError(failure, file, ": sync must be a table ([sync]), not ", shown);
            case MALFORMED -> assertClearError(failure, file, " is not valid TOML.", shown);
            case NOT_UTF8 -> assertClearError(failure, file, " is not UTF-8 text.", shown);
        }
    }

    /** The hosted URL: the configured one, or a refusal; never a default, never an echo. */
    private static void checkHostedTarget(MachineConfig config, Document document, String shown) {
        HostedTarget target = new HostedTarget(RuntimeEnvironment.of(Map.of()), config);
        boolean configured = document.expect() == Expect.URL && !document.url().value().isBlank();
        if (!configured) {
            assertThat(target.baseUrl()).as(shown).isEmpty();
            Throwable missing = catchThrowable(target::requireBaseUrl);
            assertThat(missing).isInstanceOf(HostedUnavailableException.class).hasMessageContaining(
                    "No hosted server is configured. Set SPEC_KITTY_SAAS_URL, or set [sync] server_url in " + config.file());
            return;
        }
        if (document.url().baseUrl() != null) {
            assertThat(target.baseUrl()).as(shown).contains(document.url().baseUrl());
            return;
        }
        Throwable refused = catchThrowable(target::baseUrl);
        assertThat(refused).as(shown).isInstanceOf(HostedUnavailableException.class);
        assertThat(refused.getMessage()).isEqualTo("The hosted server URL is not an http(s) URL with a host name.");
        HostedAddress.Unusable address = ((HostedUnavailableException) refused).address();
        assertThat(address.message()).doesNotContain(SECRET, "Exception", "\tat ");
        assertThat(address.hints()).noneMatch(hint -> hint.contains(SECRET));
    }

    private static void assertClearError(Throwable failure, Path file, String says, String shown) {
        assertThat(failure).as(shown).isInstanceOf(MachineConfig.Unreadable.class);
        MachineConfig.Unreadable error = (MachineConfig.Unreadable) failure;
        assertThat(error.getMessage()).as(shown).startsWith("Machine config " + file + says);
        assertThat(error.hints()).singleElement().asString().contains("[sync] server_url");
        assertThat(error.getCause()).isNull();
        assertNoEcho(error);
    }

    private static void assertNoEcho(MachineConfig.Unreadable error) {
        assertThat(error.getMessage()).doesNotContain(SECRET, "Exception", "\tat ");
        assertThat(error.hints()).noneMatch(hint -> hint.contains(SECRET));
    }

    // ---------------------------------------------------------------------------- the generator

    /** One document as units of whole lines: anything spliced between two units stays outside strings and arrays. */
    private static final class Generator {
        private final Random random;
        private int names;

        Generator(Random random) {
            this.random = random;
        }

        Document document(int index) {
            int kind = random.nextInt(20);
            Url url = Generate.oneOf(random, URLS);
            if (kind == 0) {
                byte[] bytes = new byte[1 + random.nextInt(40)];
                random.nextBytes(bytes);
                bytes[0] = (byte) 0xC3; // a lead byte followed by a non-continuation byte: never UTF-8
                bytes[bytes.length > 1 ? 1 : 0] = (byte) (bytes.length > 1 ? 0x28 : 0xC3);
                return new Document(index, bytes, Expect.NOT_UTF8, null);
            }
            List<String> top = new ArrayList<>(); // key/values before the first table header
            List<String> tables = new ArrayList<>();
            fillTop(top);
            fillTables(tables);
            Expect expect = switch (kind) {
                case 1, 2, 3 -> {
                    insert(tables, table("[sync]", "server_url = " + string(url.value())));
                    yield Expect.URL;
                }
                case 4 -> {
                    insert(top, "sync.server_url = " + string(url.value()) + comment() + "\n");
                    if (random.nextBoolean()) {
                        insert(top, "sync.retries = 3\n");
                    }
                    yield Expect.URL;
                }
                case 5 -> {
                    insert(top, "sync = { retries = 3, server_url = " + string(url.value()) + " }" + comment() + "\n");
                    yield Expect.URL;
                }
                case 6 -> {
                    insert(tables, table("[sync]", "server_url = " + string(url.value()))
                            + "[sync.sub]\nx = 1\n");
                    yield Expect.URL;
                }
                case 7 -> {
                    insert(tables, table("[sync]", "enabled = true"));
                    yield Expect.ABSENT;
                }
                case 8 -> Expect.ABSENT;
                case 9, 10 -> {
                    insert(tables, table("[sync]", "server_url = " + Generate.oneOf(random, List.of("42", "true",
                            "[\"https://a.example\"]", "{ url = \"https://a.example\" }", "1979-05-27T07:32:00Z",
                            "1979-05-27", "07:32:00", "3.5", "inf", "nan", "0x1F"))));
                    yield Expect.WRONG_TYPE;
                }
                case 11, 12 -> {
                    if (random.nextBoolean()) {
                        insert(top, "sync = " + Generate.oneOf(random, List.of("\"https://a.example\"", "3", "[1, 2]",
                                "false", "1979-05-27T07:32:00Z")) + "\n");
                    } else {
                        insert(tables, "[[sync]]\nserver_url = " + string(url.value()) + "\n");
                    }
                    yield Expect.NOT_A_TABLE;
                }
                default -> {
                    insert(random.nextBoolean() ? top : tables, Generate.oneOf(random, List.of(
                            "zz = \"never closed\n", "zz =\n", "[unclosed\n", "zz = \"\\q\"\n", "zz = 1 2\n", "= 1\n",
                            "server_url = https://" + SECRET + ".example\n", "zz = \"a\u0001b\"\n", "zz = 'it's'\n",
                            "zz = [1, 2\n", "zz = { a = 1\n", "zz = 0x_1\n", "zz = 1979-13-45T99:00:00Z\n",
                            "api_token = \"dup\"\n[sync]\n[sync]\n", "\"zz = 1\n",
                            "zz = " + "[".repeat(3000) + "]".repeat(3000) + "\n")));
                    yield Expect.MALFORMED;
                }
            };
            String text = String.join("", top) + String.join("", tables);
            return new Document(index, text.getBytes(StandardCharsets.UTF_8), expect, url);
        }

        private void fillTop(List<String> units) {
            if (random.nextBoolean()) {
                units.add("# spec-kitty machine configuration\n");
            }
            units.add("api_token = \"" + SECRET + "\"" + comment() + "\n");
            for (int n = random.nextInt(5); n > 0; n--) {
                units.add(keyValue());
            }
        }

        private void fillTables(List<String> units) {
            for (int n = random.nextInt(4); n > 0; n--) {
                switch (random.nextInt(3)) {
                    case 0 -> units.add(table("[table_" + names++ + "]", keyValue().strip()));
                    case 1 -> units.add(table("[parent_" + names++ + ".child]", keyValue().strip()));
                    default -> {
                        String name = "[[array_" + names++ + "]]";
                        units.add(table(name, keyValue().strip()) + table(name, keyValue().strip()));
                    }
                }
            }
        }

        private String table(String header, String firstLine) {
            StringBuilder table = new StringBuilder();
            if (random.nextInt(3) == 0) {
                table.append('\n');
            }
            table.append(header).append(comment()).append('\n').append(firstLine).append(comment()).append('\n');
            for (int n = random.nextInt(3); n > 0; n--) {
                table.append(keyValue());
            }
            return table.toString();
        }

        private void insert(List<String> units, String unit) {
            units.add(random.nextInt(units.size() + 1), unit);
        }

        private String keyValue() {
            String key = switch (random.nextInt(6)) {
                case 0 -> "\"quoted key " + names++ + "\"";
                case 1 -> "dotted_" + names++ + ".leaf";
                default -> Generate.word(random) + "_" + names++;
            };
            return key + " = " + value() + comment() + "\n";
        }

        private String value() {
            return Generate.oneOf(random, List.of("\"text with \\\"quotes\\\", a \\\\ backslash, é and \\u00e9\"",
                    "'C:\\literal\\path'", "\"\"\"\nmulti\nline \"quoted\" \\\n  continued\"\"\"", "'''\nraw # not a comment\n'''",
                    "42", "-17", "1_000", "0xDEAD_beef", "0o755", "0b1101", "3.14", "-0.01", "5e+22", "inf", "-inf", "nan",
                    "true", "false", "1979-05-27T07:32:00Z", "1979-05-27T00:32:00.999999-07:00", "1979-05-27", "07:32:00",
                    "[1, 2, 3]", "[\"a\", 'b']", "[[1, 2], [\"a\"]]", "[\n  1, # one\n  2,\n]", "{ x = 1, y = \"z\" }",
                    "\"" + SECRET + "_too\"", "\"\"", "\"🐱 日本\""));
        }

        private String comment() {
            return random.nextInt(4) == 0 ? "  # note " + Generate.word(random) : "";
        }

        /** The URL as one of TOML's string spellings. */
        private String string(String value) {
            return switch (random.nextInt(4)) {
                case 0 -> "'" + value + "'";
                case 1 -> "\"\"\"" + value.replace("\\", "\\\\") + "\"\"\"";
                case 2 -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\u002F") + "\"";
                default -> "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            };
        }
    }
}
