package dev.speckitty.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest extends EmulatorTestBase {

    private static final String REDIRECT = "http://127.0.0.1:28888/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String STATE = "state-abc_123";

    @Test
    void autoApprovedCodeWithTheRightVerifierGivesTokens() throws Exception {
        emulator.switches().autoApprove(true);

        String code = authorizeAndGetCode();
        Reply tokens = exchange(code, VERIFIER, REDIRECT);

        assertThat(tokens.status()).isEqualTo(200);
        Map<String, Object> body = tokens.json();
        assertThat(body.get("access_token").toString()).startsWith("at_");
        assertThat(body.get("refresh_token").toString()).startsWith("rt_");
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900)
                .containsEntry("scope", "offline_access").containsEntry("generation", 1)
                .containsEntry("refresh_token_expires_in", 2592000);
        assertThat(body.get("session_id").toString()).startsWith("sess_");
        assertThat(body.get("refresh_token_expires_at").toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(tokens.header("Cache-Control")).contains("no-store");
        assertThat(me((String) body.get("access_token")).status()).isEqualTo(200);
        assertThat(emulator.counters().tokensIssued(GrantType.AUTHORIZATION_CODE)).isEqualTo(1);
    }

    @Test
    void aWrongVerifierIsInvalidGrantAndBurnsTheCode() throws Exception {
        emulator.switches().autoApprove(true);
        String code = authorizeAndGetCode();

        Reply wrong = exchange(code, "x".repeat(43), REDIRECT);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("error")).isEqualTo("invalid_grant");

        assertThat(exchange(code, VERIFIER, REDIRECT).text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aMismatchedRedirectUriIsInvalidGrant() throws Exception {
        emulator.switches().autoApprove(true);
        Reply reply = exchange(authorizeAndGetCode(), VERIFIER, "http://127.0.0.1:28889/callback");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aReplayedCodeIsInvalidGrantAndRevokesTheSessionItProduced() throws Exception {
        emulator.switches().autoApprove(true);
        String code = authorizeAndGetCode();
        Reply first = exchange(code, VERIFIER, REDIRECT);
        assertThat(first.status()).isEqualTo(200);

        Reply replay = exchange(code, VERIFIER, REDIRECT);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.text("error")).isEqualTo("invalid_grant");
        assertThat(me(first.text("access_token")).status()).isEqualTo(401);
    }

    @Test
    void theApprovalPageApprovesThroughAFormPost() throws Exception {
        Reply page = http.get(authorizeUrl("S256"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Approve").contains("Deny").contains("dev@example.com");

        Reply decision = http.postForm("/consent", Http.form("request_id", requestId(page), "decision", "approve"));

        assertThat(decision.status()).isEqualTo(302);
        Map<String, String> query = query(decision.header("Location"));
        assertThat(query).containsEntry("state", STATE).containsKey("code");
        assertThat(exchange(query.get("code"), VERIFIER, REDIRECT).status()).isEqualTo(200);
    }

    @Test
    void denyingRedirectsWithAccessDeniedAndTheState() throws Exception {
        Reply page = http.get(authorizeUrl("S256"));

        Reply decision = http.postForm("/consent", Http.form("request_id", requestId(page), "decision", "deny"));

        assertThat(decision.status()).isEqualTo(302);
        assertThat(decision.header("Location")).startsWith(REDIRECT + "?");
        assertThat(query(decision.header("Location"))).containsEntry("error", "access_denied")
                .containsEntry("state", STATE).doesNotContainKey("code");
        assertThat(http.postForm("/consent", Http.form("request_id", requestId(page), "decision", "approve"))
                .status()).as("a request is decided once").isEqualTo(400);
    }

    @Test
    void aNonLoopbackRedirectIsRefusedWithoutRedirecting() throws Exception {
        String url = authorizeUrl("S256").replace("http%3A%2F%2F127.0.0.1%3A28888", "https%3A%2F%2Fevil.example");
        Reply reply = http.get(url);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isNull();
    }

    @Test
    void plainPkceIsRefusedByRedirectingWithInvalidRequest() throws Exception {
        emulator.switches().autoApprove(true);
        Reply reply = http.get(authorizeUrl("plain"));
        assertThat(reply.status()).isEqualTo(302);
        assertThat(query(reply.header("Location"))).containsEntry("error", "invalid_request")
                .containsEntry("state", STATE);
    }

    private static String authorizeAndGetCode() throws Exception {
        Reply reply = http.get(authorizeUrl("S256"));
        assertThat(reply.status()).isEqualTo(302);
        Map<String, String> query = query(reply.header("Location"));
        assertThat(query).containsEntry("state", STATE);
        return query.get("code");
    }

    private static Reply exchange(String code, String verifier, String redirectUri) throws Exception {
        return http.postForm("/oauth/token", Http.form("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", "cli_native", "code_verifier", verifier));
    }

    private static String authorizeUrl(String method) throws Exception {
        return "/oauth/authorize?client_id=cli_native&redirect_uri=" + enc(REDIRECT)
                + "&response_type=code&scope=offline_access&code_challenge=" + challenge(VERIFIER)
                + "&code_challenge_method=" + method + "&state=" + enc(STATE);
    }

    static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String requestId(Reply page) {
        Matcher matcher = Pattern.compile("name=\"request_id\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
