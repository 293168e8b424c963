package dev.speckitty.shell.integration;

import dev.speckitty.domain.session.StoredSession;
import dev.speckitty.testfixtures.SessionBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Another client" talking to the emulator's token endpoint directly (spec-kitty default paths),
 * the way a second CLI would: spend a refresh token and get the rotated pair.
 */
final class TokenEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenEndpoint() {}

    /** POST grant_type=refresh_token; the status and body, for assertions (never printed). */
    static HttpResponse<String> refresh(String baseUrl, String refreshToken) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth/token"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=cli_native&refresh_token="
                            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * Rotates {@code session}'s refresh token at the emulator and returns the session with the new
     * pair, its access token expiring {@code expiresIn} from the server's answer shifted by
     * {@code accessShift} (negative: already expired).
     */
    static StoredSession rotate(String baseUrl, StoredSession session, Duration accessShift)
            throws IOException, InterruptedException {
        HttpResponse<String> response = refresh(baseUrl, session.refreshToken().reveal());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refresh answered " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant accessExpiry = now.plusSeconds(body.path("expires_in").asLong(900)).plus(accessShift);
        return SessionBuilder.from(session).accessToken(body.path("access_token").asString())
                .refreshToken(body.path("refresh_token").asString()).issuedAt(now).accessTokenExpiresAt(accessExpiry)
                .lastUsedAt(now).generation(body.path("generation").isMissingNode() ? null : body.path("generation").asLong())
                .build();
    }

    /** The same session with its access token expiring at {@code expiry}. */
    static StoredSession withAccessExpiry(StoredSession s, Instant expiry) {
        return SessionBuilder.from(s).accessTokenExpiresAt(expiry).build();
    }
}
