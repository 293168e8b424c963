package dev.speckitty.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The written-out equality is the record's: both components, null-safe, with a matching hash. */
class SessionIdentityTest {

    @Test
    void equalOnlyWhenSessionIdAndRefreshTokenAreBothEqual() {
        SessionIdentity identity = new SessionIdentity("sess_1", Secret.of("refresh-a"));

        assertThat(identity).isEqualTo(new SessionIdentity("sess_1", Secret.of("refresh-a")))
                .hasSameHashCodeAs(new SessionIdentity("sess_1", Secret.of("refresh-a")));
        assertThat(identity).isNotEqualTo(new SessionIdentity("sess_1", Secret.of("refresh-b")));
        assertThat(identity).isNotEqualTo(new SessionIdentity("sess_2", Secret.of("refresh-a")));
        assertThat(identity).isNotEqualTo(new SessionIdentity(null, Secret.of("refresh-a")));
        assertThat(new SessionIdentity(null, null)).isEqualTo(new SessionIdentity(null, null));
        assertThat(identity).isNotEqualTo("sess_1");
    }
}
