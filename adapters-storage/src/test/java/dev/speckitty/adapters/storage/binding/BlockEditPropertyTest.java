package dev.speckitty.adapters.storage.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bind then unbind over generated documents: the other keys parse identically, and every byte
 * outside the teamspace block (comments, blank lines, layout) is the same as before.
 */
class BlockEditPropertyTest {

    private static final int DOCUMENTS = 400;

    @TempDir
    Path repo;

    @Test
    void bindThenUnbindKeepsEveryOtherKeyAndEveryByteOutsideTheBlock() throws Exception {
        long seed = System.nanoTime();
        RandomYamlDocuments documents = new RandomYamlDocuments(seed);
        Path config = Files.createDirectories(repo.resolve(".kittify")).resolve("config.yaml");
        YamlBindingStore store = new YamlBindingStore(repo, Map.of());
        int withTeamspace = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            RandomYamlDocuments.Document document = documents.next();
            String context = "seed " + seed + ", document " + i + ":\n" + document.text();
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
    }
}
