package dev.speckitty.adapters.storage.session.hotpath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.adapters.storage.session.AuthFiles;
import dev.speckitty.adapters.storage.session.EncryptedFileSessionStore;
import dev.speckitty.adapters.storage.session.StorageActivity;
import dev.speckitty.adapters.storage.support.TestSessions;
import dev.speckitty.domain.session.StoredSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The hot-path handoff: token-free content, publication by the store, and every miss rule. */
class HotPathFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private AuthFiles files;
    private final AtomicInteger durableReads = new AtomicInteger();
    private Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        files = new AuthFiles(home.resolve("auth"));
    }

    private EncryptedFileSessionStore store() {
        StorageActivity counting = new StorageActivity() {
            @Override
            public void durableRead() {
                durableReads.incrementAndGet();
            }
        };
        return new EncryptedFileSessionStore(files.directory(), TestSessions.PASSPHRASE, Duration.ofSeconds(10),
                counting, new HotPathFile(files, Clock.systemUTC()));
    }

    private HotPathFile hotPath() {
        return new HotPathFile(files, clock);
    }

    private StoredSession written() {
        StoredSession session = TestSessions.sample("hot");
        store().write(session);
        clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        return session;
    }

    private void edit(UnaryOperator<ObjectNode> change) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Files.readString(files.hotPath()));
        Files.writeString(files.hotPath(), JSON.writeValueAsString(change.apply(root)));
    }

    @Test
    void writePublishesATokenFreeHandoffWithExactlyTheSpecifiedKeys() throws Exception {
        written();

        JsonNode root = JSON.readTree(Files.readString(files.hotPath()));
        List<String> keys = iterable(root.propertyNames());
        assertThat(keys).containsExactly("durable_fingerprint", "generated_at", "max_age_seconds",
                "refresh_token_expires_at", "schema_version");
        assertThat(root.get("max_age_seconds").asDouble()).isLessThanOrEqualTo(30.0);
        assertThat(root.get("refresh_token_expires_at").asString()).endsWith("+00:00");
        String text = Files.readString(files.hotPath());
        assertThat(text).doesNotContain(TestSessions.ACCESS_SENTINEL).doesNotContain("SENTINEL")
                .doesNotContain("@").doesNotContain("t-private");
        assertThat(Files.getPosixFilePermissions(files.hotPath())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aFreshHandoffIsAHitWithoutADurableRead() {
        StoredSession session = written();

        assertThat(hotPath().loadFresh()).hasValueSatisfying(
                summary -> assertThat(summary.refreshTokenExpiresAt()).isEqualTo(session.refreshTokenExpiresAt()));
        assertThat(durableReads).hasValue(0);
    }

    @Test
    void aDurableReadRepublishesAStaleHandoff() throws Exception {
        written();
        edit(root -> root.put("generated_at", 0));
        assertThat(hotPath().loadFresh()).isEmpty();

        store().read();
        clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

        assertThat(durableReads).hasValue(1);
        assertThat(hotPath().loadFresh()).isPresent();
    }

    @Test
    void everyMissRule() throws Exception {
        written();
        assertThat(hotPath().loadFresh()).isPresent();

        assertMiss(root -> root.put("schema_version", 2));
        assertMiss(root -> root.put("schema_version", "1"));
        assertMiss(root -> root.remove("generated_at") == null ? root : root);
        assertMiss(root -> root.put("generated_at", "soon"));
        assertMiss(root -> root.put("max_age_seconds", "30"));
        assertMiss(root -> root.put("durable_fingerprint", "abc"));
        assertMiss(root -> {
            ((ObjectNode) root.get("durable_fingerprint")).put("size", 1);
            return root;
        });
        assertMiss(root -> {
            ((ObjectNode) root.get("durable_fingerprint")).put("inode", 1);
            return root;
        });
        assertMiss(root -> root.put("generated_at", root.get("generated_at").asDouble() + 60)); // future
        assertMiss(root -> root.put("generated_at", root.get("generated_at").asDouble() - 31)); // too old
        assertMiss(root -> root.put("max_age_seconds", 600).put("generated_at",
                root.get("generated_at").asDouble() - 31)); // the 30 s cap is hard
        assertMiss(root -> root.put("refresh_token_expires_at", "2026-12-01T00:00:00")); // naive
        assertMiss(root -> root.put("refresh_token_expires_at", "soon"));
        Files.writeString(files.hotPath(), "not json");
        assertThat(hotPath().loadFresh()).isEmpty();
        Files.writeString(files.hotPath(), "[1,2]");
        assertThat(hotPath().loadFresh()).isEmpty();
    }

    @Test
    void aDeletedOrRewrittenDurableFileIsAMiss() throws Exception {
        written();
        Path snapshot = home.resolve("handoff-copy");
        Files.copy(files.hotPath(), snapshot);

        store().write(TestSessions.sample("newer")); // new inode, new mtime
        Files.copy(snapshot, files.hotPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(hotPath().loadFresh()).isEmpty();

        Files.delete(files.session());
        assertThat(hotPath().loadFresh()).isEmpty();
    }

    @Test
    void deleteRemovesTheHandoff() {
        written();
        store().delete();
        assertThat(files.hotPath()).doesNotExist();
        assertThat(hotPath().loadFresh()).isEmpty();
    }

    @Test
    void aBlockedPublishIsHarmless() throws Exception {
        Files.createDirectories(files.hotPathTemporary()); // a non-empty directory where the temp file goes
        Files.writeString(files.hotPathTemporary().resolve("keep"), "x");
        StoredSession session = TestSessions.sample("blocked");

        store().write(session);

        assertThat(files.hotPath()).doesNotExist();
        assertThat(store().read()).contains(session);
    }

    @Test
    void aSymlinkedHandoffIsNotFollowed() throws Exception {
        written();
        Path elsewhere = home.resolve("elsewhere.json");
        Files.move(files.hotPath(), elsewhere);
        Files.createSymbolicLink(files.hotPath(), elsewhere);
        assertThat(hotPath().loadFresh()).isEmpty();
    }

    private void assertMiss(UnaryOperator<ObjectNode> change) throws Exception {
        Path backup = home.resolve("handoff-backup");
        Files.copy(files.hotPath(), backup, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        edit(change);
        assertThat(hotPath().loadFresh()).as("after %s", Files.readString(files.hotPath())).isEmpty();
        Files.copy(backup, files.hotPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> iterable(Iterable<String> names) {
        List<String> list = new java.util.ArrayList<>();
        for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
            list.add(it.next());
        }
        return list;
    }
}
