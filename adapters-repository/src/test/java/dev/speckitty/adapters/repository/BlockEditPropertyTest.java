package dev.speckitty.adapters.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.speckitty.adapters.storage.support.FileState;
import dev.speckitty.adapters.storage.support.Generate;
import dev.speckitty.adapters.storage.support.TreeSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bind then unbind over generated documents: the other keys parse identically, and every byte
 * outside the teamspace block (comments, blank lines, layout, anchors) is the same as before; a
 * generated document broken in one place is refused by every writer with the typed binding error
 * and left exactly as it was.
 */
class BlockEditPropertyTest {

    private static final int DOCUMENTS = 400;
    private static final int BROKEN = 200;
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    /** Spliced in at a line boundary; the rare splice that still parses (say, inside a quoted scalar) is skipped. */
    private static final List<String> BREAKAGES = List.of("zz_unclosed: [a, b\n", "zz_quote: \"never closed\n",
            "zz_tab:\n\tchild: 1\n", "zz_alias: *no_such_anchor\n", "  zz_bad_indent: x\n y: z\n",
            "zz_flow: {a: 1\n", "zz_block: |\n  text\n bad: dedent\n", "zz: a: b: c\n");

    @TempDir
    Path repo;

    @Test
    void bindThenUnbindKeepsEveryOtherKeyAndEveryByteOutsideTheBlock() throws Exception {
        RandomYamlDocuments documents = new RandomYamlDocuments(Generate.random("config.yaml bind/unbind"));
        Path config = Files.createDirectories(repo.resolve(".kittify")).resolve("config.yaml");
        YamlBindingStore store = new YamlBindingStore(repo, Map.of());
        int withTeamspace = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            RandomYamlDocuments.Document document = documents.next();
            String context = "seed " + Generate.seed() + ", document " + i + ":\n" + document.text();
            Files.writeString(config, document.text(), StandardCharsets.UTF_8);
            KittifyDocument original = KittifyDocument.parse(document.text(), config);

            store.bindTeamspace("bound-" + i);
            String bound = Files.readString(config, StandardCharsets.UTF_8);
            String newBlock = "teamspace:\n  slug: bound-" + i + "\n";
            assertThat(bound).as(context).isEqualTo(document.hasTeamspace()
                    ? document.before() + newBlock + document.after()
                    : document.text() + newBlock);
            KittifyDocument afterBind = KittifyDocument.parse(bound, config);
            assertThat(afterBind.teamspace()).as(context).isEqualTo("bound-" + i);
            assertThat(afterBind.occurrences("teamspace")).as(context).isEqualTo(1);
            assertThat(afterBind.entriesExcept("teamspace")).as(context)
                    .isEqualTo(original.entriesExcept("teamspace"));

            store.unbindTeamspace();
            String unbound = Files.readString(config, StandardCharsets.UTF_8);
            KittifyDocument afterUnbind = KittifyDocument.parse(unbound, config);
            assertThat(afterUnbind.occurrences("teamspace")).as(context).isZero();
            assertThat(afterUnbind.entriesExcept("teamspace")).as(context)
                    .isEqualTo(original.entriesExcept("teamspace"));
            assertThat(unbound).as(context).isEqualTo(document.before() + document.after());
            if (document.hasTeamspace()) {
                withTeamspace++;
            }
        }
        assertThat(withTeamspace).as("both kinds were generated").isBetween(DOCUMENTS / 4, DOCUMENTS * 3 / 4);
        System.out.println("config.yaml bind/unbind: " + DOCUMENTS + " documents, " + withTeamspace
                + " with a teamspace entry");
    }

    @Test
    void aBrokenDocumentIsRefusedByEveryWriterAndLeftAsItWas() throws Exception {
        Random random = Generate.random("config.yaml malformed");
        RandomYamlDocuments documents = new RandomYamlDocuments(random);
        Path kittify = Files.createDirectories(repo.resolve(".kittify"));
        Path config = kittify.resolve("config.yaml");
        YamlBindingStore store = new YamlBindingStore(repo, Map.of());
        int stillValid = 0;
        for (int i = 0; i < BROKEN; i++) {
            String valid = documents.next().text();
            List<String> lines = valid.lines().toList();
            int at = random.nextInt(lines.size() + 1);
            String broken = String.join("\n", lines.subList(0, at)) + (at == 0 ? "" : "\n")
                    + Generate.oneOf(random, BREAKAGES) + String.join("\n", lines.subList(at, lines.size()))
                    + (at < lines.size() ? "\n" : "");
            String context = "seed " + Generate.seed() + ", document " + i + ":\n" + broken;
            if (parses(broken)) {
                stillValid++;
                continue;
            }
            Files.writeString(config, broken, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(config, LONG_AGO);
            Files.setLastModifiedTime(kittify, LONG_AGO);
            TreeSnapshot before = TreeSnapshot.of(repo);

            for (Runnable writer : List.<Runnable>of(() -> store.bindTeamspace("t-" + new Object().hashCode()),
                    store::unbindTeamspace, () -> store.read())) {
                Throwable failure = catchThrowable(writer::run);
                assertThat(failure).as(context).isInstanceOf(BindingFileException.class);
                assertThat(((BindingFileException) failure).file()).isEqualTo(config);
                assertThat(failure.getMessage()).as(context).startsWith(config + " is not valid YAML")
                        .contains("It was left unchanged; fix it by hand and retry.");
            }
            assertThat(TreeSnapshot.of(repo)).as(context).isEqualTo(before);
            assertThat(FileState.of(config).bytes()).isEqualTo(broken.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(stillValid).as("splices that happened to stay valid YAML").isLessThan(BROKEN / 10);
        System.out.println("config.yaml malformed: " + (BROKEN - stillValid) + " broken documents refused by bind,"
                + " unbind and read, none rewritten (" + stillValid + " splices stayed valid YAML, skipped)");
    }

    /** SnakeYAML as the independent judge of "malformed". */
    private static boolean parses(String text) {
        try {
            new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(text));
            return true;
        } catch (org.yaml.snakeyaml.error.YAMLException malformed) {
            return false;
        }
    }
}
