package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.ReceivedEvent;
import dev.speckitty.emulator.state.SessionSeed;
import dev.speckitty.emulator.state.Team;
import dev.speckitty.emulator.state.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchIngressTest extends EmulatorTestBase {

    private static final String BATCH = "/api/v1/events/batch/";

    @Test
    void newEventsSucceedAndRepeatedIdsAreDuplicates() throws Exception {
        MintedSession session = emulator.mintSession();

        Reply first = send(session, "t-private", events("evt-1", "evt-2"));
        Reply second = send(session, "t-private", events("evt-2", "evt-3"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(results(first)).containsExactly(
                Map.of("event_id", "evt-1", "status", "success"), Map.of("event_id", "evt-2", "status", "success"));
        assertThat(results(second)).extracting(result -> result.get("status")).containsExactly("duplicate", "success");
        assertThat(emulator.receivedEvents()).extracting(ReceivedEvent::eventId).containsExactly("evt-1", "evt-2", "evt-3");
        assertThat(emulator.receivedEvents()).extracting(ReceivedEvent::teamSlug).containsOnly("t-private");
        assertThat(emulator.receivedEvents().getFirst().event()).containsEntry("event_type", "demo");
        assertThat(emulator.redeliveredEvents()).containsExactly(Map.entry("evt-2", 1));
        assertThat(emulator.receivedEventCount()).isEqualTo(3);
        send(session, "t-private", events("evt-2"));
        assertThat(emulator.redeliveredEvents()).containsExactly(Map.entry("evt-2", 2));
        emulator.reset();
        assertThat(emulator.redeliveredEvents()).isEmpty();
    }

    @Test
    void aTeamOtherThanThePrivateTeamspaceIs403MissingPrivateTeam() throws Exception {
        MintedSession session = emulator.mintSession();

        for (String team : new String[] {"t-shared", "t-unknown"}) {
            Reply reply = send(session, team, events("evt-1"));
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json()).containsEntry("category", "direct_ingress_missing_private_team")
                    .containsEntry("message", "Direct sync ingress must target Private Teamspace.");
        }
        Reply noHeader = http.postGzipJson(BATCH, events("evt-1"), "Authorization", Http.bearer(session.accessToken()));
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(emulator.receivedEvents()).isEmpty();
    }

    @Test
    void aUserWithoutAPrivateTeamspaceIsAlways403() throws Exception {
        emulator.privateTeam(false);
        MintedSession session = emulator.mintSession();
        assertThat(send(session, "t-private", events("evt-1")).status()).isEqualTo(403);
        assertThat(send(session, "t-shared", events("evt-1")).status()).isEqualTo(403);
    }

    @Test
    void aMintedUserWithTheirOwnPrivateTeamIngestsThere() throws Exception {
        MintedSession session = emulator.mintSession(SessionSeed.signedInUser().withUser(new User("u-2",
                "two@example.com", "Two", List.of(new Team("t-priv", "Mine", "owner", true)))));
        assertThat(send(session, "t-priv", events("evt-1")).status()).isEqualTo(200);
        assertThat(send(session, "t-private", events("evt-2")).status()).isEqualTo(403);
    }

    @Test
    void withoutAValidTokenIs401() throws Exception {
        Reply reply = http.postGzipJson(BATCH, events("evt-1"), "Authorization", Http.bearer("at_bad"),
                "X-Team-Slug", "t-private");
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void brokenBodiesAre400WithErrorAndDetails() throws Exception {
        MintedSession session = emulator.mintSession();
        Reply notGzip = http.postBytes(BATCH, "{}".getBytes(), "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-private", "Content-Encoding", "gzip", "Content-Type", "application/json");
        assertThat(notGzip.status()).isEqualTo(400);
        assertThat(notGzip.json()).containsEntry("error", "Bad request").containsKey("details");

        Reply noEvents = send(session, "t-private", Map.of("items", List.of()));
        assertThat(noEvents.status()).isEqualTo(400);
    }

    @Test
    void anEventWithoutAnIdIsRejectedAlone() throws Exception {
        MintedSession session = emulator.mintSession();
        Reply reply = send(session, "t-private", Map.of("events", List.of(Map.of("event_type", "x"), Map.of("event_id", "evt-1"))));
        assertThat(results(reply)).extracting(result -> result.get("status")).containsExactly("rejected", "success");
    }

    private static Reply send(MintedSession session, String team, Object body) throws Exception {
        return http.postGzipJson(BATCH, body, "Authorization", Http.bearer(session.accessToken()), "X-Team-Slug", team);
    }

    private static Map<String, Object> events(String... ids) {
        return Map.of("events", java.util.Arrays.stream(ids)
                .map(id -> Map.of("event_id", id, "event_type", "demo")).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Reply reply) {
        return (List<Map<String, Object>>) reply.field("results");
    }
}
