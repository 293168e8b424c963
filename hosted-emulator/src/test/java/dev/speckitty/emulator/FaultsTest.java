package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.state.MintedSession;
import dev.speckitty.emulator.state.RefreshTokenState;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest extends EmulatorTestBase {

    private static final String BATCH = "/api/v1/events/batch/";
    private static final Map<String, Object> ONE_EVENT = Map.of("events", List.of(Map.of("event_id", "evt-1")));

    @Test
    void aMissingPrivateTeamFaultAnswersTheHosted403() throws Exception {
        emulator.faults().add(Endpoint.EVENTS_BATCH, Fault.missingPrivateTeam());

        Reply reply = sendBatch(emulator.mintSession());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json()).containsEntry("category", "direct_ingress_missing_private_team");
        assertThat(emulator.receivedEvents()).as("the real handler never ran").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 408, 500, 502, 503, 504})
    void aStatusFaultAnswersThatStatusUntilCleared(int status) throws Exception {
        emulator.faults().add(Endpoint.EVENTS_BATCH, Fault.respond(status, Map.of("message", "boom")));
        MintedSession session = emulator.mintSession();

        assertThat(sendBatch(session).status()).isEqualTo(status);
        Reply again = sendBatch(session);
        assertThat(again.status()).isEqualTo(status);
        assertThat(again.json()).containsEntry("message", "boom");

        emulator.faults().clear();
        assertThat(sendBatch(session).status()).isEqualTo(200);
    }

    @Test
    void aFaultForTheNextNCallsOnlyThenNormal() throws Exception {
        emulator.faults().add(Endpoint.TRACKER_STATUS, Fault.rateLimited(1).times(2));
        MintedSession session = emulator.mintSession();

        Reply limited = trackerStatus(session);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json()).containsEntry("retry_after_seconds", 1).containsEntry("message", "Rate limited");
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        assertThat(trackerStatus(session).status()).isEqualTo(429);
        assertThat(trackerStatus(session).status()).isEqualTo(200);
        assertThat(emulator.counters().calls(Endpoint.TRACKER_STATUS)).isEqualTo(3);
    }

    @Test
    void faultsQueueInOrder() throws Exception {
        emulator.faults().add(Endpoint.SYNC_HEALTH, Fault.respond(503, null).times(1));
        emulator.faults().add(Endpoint.SYNC_HEALTH, Fault.respond(500, "not json").times(1));

        assertThat(http.get("/api/v1/sync/health/").status()).isEqualTo(503);
        Reply plain = http.get("/api/v1/sync/health/");
        assertThat(plain.status()).isEqualTo(500);
        assertThat(plain.body()).isEqualTo("not json");
        assertThat(http.get("/api/v1/sync/health/").status()).isEqualTo(200);
    }

    @Test
    void aDelayFaultSlowsTheRealAnswer() throws Exception {
        emulator.faults().add(Endpoint.SYNC_HEALTH, Fault.delay(400).times(1));

        long started = System.nanoTime();
        Reply reply = http.get("/api/v1/sync/health/");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "ok");
        assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
    }

    @Test
    void aResponseDelayRunsTheRealHandlerAtOnceAndHoldsBackOnlyTheAnswer() throws Exception {
        emulator.faults().add(Endpoint.TOKEN, Fault.delayResponse(1500).times(1));
        MintedSession session = emulator.mintSession();

        long started = System.nanoTime();
        CompletableFuture<Reply> late = CompletableFuture.supplyAsync(() -> {
            try {
                return refresh(session.refreshToken());
            } catch (Exception failed) {
                throw new CompletionException(failed);
            }
        });
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (emulator.refreshTokenState(session.refreshToken()) != RefreshTokenState.SPENT
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(emulator.refreshTokenState(session.refreshToken())).as("rotated before the answer").isEqualTo(
                RefreshTokenState.SPENT);
        assertThat(late).as("the answer is still held back").isNotDone();
        Reply reply = late.get(10, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1500);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(emulator.refreshTokenState(reply.text("refresh_token"))).isEqualTo(RefreshTokenState.CURRENT);
    }

    @Test
    void aResponseDelayIsSetOverHttpAndCannotBeCombinedWithAStatus() throws Exception {
        assertThat(http.postJson("/__admin/faults", Map.of("endpoint", "token", "delay_response_ms", 4000,
                "times", 1)).status()).isEqualTo(200);
        assertThat(http.get("/__admin/faults").body()).contains("\"delay_response_ms\":4000");
        assertThat(http.postJson("/__admin/faults", Map.of("endpoint", "token", "delay_response_ms", 10,
                "status", 500)).status()).isEqualTo(400);
        http.delete("/__admin/faults?endpoint=token");
    }

    @Test
    void aDroppedConnectionIsATransportErrorNotAStatus() throws Exception {
        emulator.faults().add(Endpoint.TOKEN, Fault.drop().times(1));
        MintedSession session = emulator.mintSession();

        assertThatThrownBy(() -> refresh(session.refreshToken())).isInstanceOf(IOException.class);
        assertThat(refresh(session.refreshToken()).status()).as("the token was not spent").isEqualTo(200);
    }

    @Test
    void faultsAreSetListedAndClearedOverHttp() throws Exception {
        Reply added = http.postJson("/__admin/faults", Map.of("endpoint", "me", "status", 500,
                "body", Map.of("error", "server_error"), "times", 1));
        assertThat(added.status()).isEqualTo(200);
        assertThat(http.get("/__admin/faults").json()).containsKey("me");

        MintedSession session = emulator.mintSession();
        assertThat(me(session.accessToken()).status()).isEqualTo(500);
        assertThat(me(session.accessToken()).status()).isEqualTo(200);

        http.postJson("/__admin/faults", Map.of("endpoint", "me", "delay_ms", 0, "status", 502));
        assertThat(http.delete("/__admin/faults?endpoint=me").json()).doesNotContainKey("me");
        assertThat(me(session.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void aFaultForAnUnknownEndpointIsRefused() throws Exception {
        Reply reply = http.postJson("/__admin/faults", Map.of("endpoint", "nope", "status", 500));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(http.postJson("/__admin/faults", Map.of("endpoint", "me", "status", 42)).status()).isEqualTo(400);
    }

    private static Reply sendBatch(MintedSession session) throws Exception {
        return http.postGzipJson(BATCH, ONE_EVENT, "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-private");
    }

    private static Reply trackerStatus(MintedSession session) throws Exception {
        return http.get("/api/v1/tracker/status", "Authorization", Http.bearer(session.accessToken()),
                "X-Team-Slug", "t-private");
    }
}
