package dev.speckitty.testfixtures;

import static dev.speckitty.testfixtures.SessionBuilder.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.domain.session.StoredSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionBuilderTest {

    private static final Instant ISSUED = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void theDefaultSessionIsValidWithFakeTokensOfItsOwn() {
        StoredSession one = aSession().issuedAt(ISSUED).build();
        StoredSession two = aSession().issuedAt(ISSUED).build();

        assertThat(one.isAccessTokenExpired(ISSUED, Duration.ofMinutes(5))).isFalse();
        assertThat(one.isRefreshTokenExpired(ISSUED.plus(Duration.ofDays(29)))).isFalse();
        assertThat(one.defaultTeamId()).isEqualTo(Teams.PRIVATE.id());
        assertThat(one.lastUsedAt()).isEqualTo(ISSUED);
        assertThat(one.accessToken().reveal()).startsWith(SessionBuilder.FAKE_ACCESS_PREFIX);
        assertThat(one.refreshToken().reveal()).startsWith(SessionBuilder.FAKE_REFRESH_PREFIX);
        assertThat(one.identity()).as("each builder generates its own tokens").isNotEqualTo(two.identity());
    }

    @Test
    void fromCopiesEveryFieldIncludingAnUnknownRefreshExpiry() {
        StoredSession original = aSession().teams(Teams.SHARED, Teams.PRIVATE).defaultTeamId("t-shared")
                .refreshTokenExpiresAt(null).generation(7L).authMethod("device_code").build();

        assertThat(SessionBuilder.from(original).build()).isEqualTo(original);
        assertThat(SessionBuilder.from(original).accessTokenExpiresAt(ISSUED).build().accessTokenExpiresAt())
                .isEqualTo(ISSUED);
    }

    @Test
    void withoutAnExplicitDefaultTheTeamsPickIt() {
        assertThat(aSession().teams(Teams.SHARED, Teams.PRIVATE).build().defaultTeamId()).isEqualTo("t-private");
        assertThat(aSession().teams().build().defaultTeamId()).isEmpty();
    }
}
