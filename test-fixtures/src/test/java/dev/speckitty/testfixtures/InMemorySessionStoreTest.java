package dev.speckitty.testfixtures;

import static dev.speckitty.testfixtures.SessionBuilder.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.domain.session.SessionStorageException;
import dev.speckitty.domain.session.StoredSession;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {

    private final StoredSession seed = aSession().build();
    private final InMemorySessionStore store = new InMemorySessionStore(seed);

    @Test
    void replaceIfWritesOnlyOverTheExpectedIdentity() {
        StoredSession rotated = SessionBuilder.from(seed).refreshToken("rt_SENTINEL_rotated").build();
        StoredSession other = aSession().build();

        assertThat(store.replaceIf(other.identity(), rotated)).isFalse();
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(store.replaceIf(seed.identity(), rotated)).isTrue();
        assertThat(store.stored()).isEqualTo(rotated);
        assertThat(store.replaceIf(seed.identity(), seed)).as("the old refresh token is another session").isFalse();

        store.delete();
        assertThat(store.replaceIf(rotated.identity(), rotated)).as("a logout is not undone").isFalse();
        assertThat(store.stored()).isNull();
        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void failingWritesWriteNothingAndReadFailuresThrow() {
        store.failNextWrites(1);
        assertThatThrownBy(() -> store.write(aSession().build())).isInstanceOf(SessionStorageException.class);
        assertThat(store.stored()).isEqualTo(seed);

        var unusable = new SessionStorageException(SessionStorageException.Problem.MALFORMED, "bad");
        store.failReadsWith(unusable);
        assertThatThrownBy(store::read).isSameAs(unusable);
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void aReadOnlyStoreRefusesEveryChangeAndKeepsItsSession() {
        store.rejectChanges();

        assertThatThrownBy(() -> store.write(aSession().build())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.replaceIf(seed.identity(), seed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(store::delete).isInstanceOf(IllegalStateException.class);
        assertThat(store.stored()).isEqualTo(seed);
        assertThat(store.read()).contains(seed);
    }
}
