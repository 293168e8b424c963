package dev.speckitty.adapters.hosted.membership;

import dev.speckitty.adapters.hosted.http.JsonBody;
import dev.speckitty.adapters.hosted.http.WireValues;
import dev.speckitty.adapters.hosted.oauth.TokenLifetimes;
import dev.speckitty.domain.auth.AuthFlowException;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.session.Team;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Validates a {@code /api/v1/me} body (docs/spec/hosted-contract.md §2.7). Every malformed shape is an
 * {@link AuthFlowException} with the contract's message, never a ClassCastException or NPE.
 * An empty team list is returned as is: whether that is fatal (login) or not (rehydrate) is the
 * application's decision.
 */
public final class MembershipResponseParser {

    private MembershipResponseParser() {}

    public static Membership parse(String text) {
        JsonNode root = JsonBody.parse(text)
                .orElseThrow(() -> new AuthFlowException("User info response was not JSON."));
        if (!root.isObject()) {
            throw new AuthFlowException("User info response must be a JSON object.");
        }
        JsonBody body = JsonBody.wrap(root);
        String userId = identifier("field 'user_id'", required(body, "user_id", body.idText("user_id")));
        String email = required(body, "email", body.nonBlankString("email"));
        String name = body.nonBlankString("name").orElse(email);
        return new Membership(userId, email, name, teams(body), refreshExpiresAt(body));
    }

    private static String required(JsonBody body, String field, Optional<String> value) {
        return value.orElseThrow(() -> new AuthFlowException("User info response missing required field '" + field + "'."));
    }

    /** An id is sent as a header ({@code X-Team-Slug}) and shown: control characters make it malformed. */
    private static String identifier(String what, String value) {
        if (!WireValues.isIdentifier(value)) {
            throw new AuthFlowException("User info response has a malformed " + what + " (control characters).");
        }
        return value;
    }

    private static List<Team> teams(JsonBody body) {
        JsonNode teams = body.raw("teams");
        if (teams == null || teams.isNull()) {
            // the reference reads teams with a default of []: absent is an empty membership
            return List.of();
        }
        if (!teams.isArray()) {
            throw new AuthFlowException("User info response field 'teams' must be a list.");
        }
        List<Team> result = new ArrayList<>();
        for (JsonNode entry : teams) {
            if (!entry.isObject()) {
                throw new AuthFlowException("User info response team entry must be an object.");
            }
            JsonBody team = JsonBody.wrap(entry);
            result.add(new Team(
                    identifier("team field 'id'", teamField(team, "id", team.idText("id"))),
                    teamField(team, "name", team.string("name")),
                    teamField(team, "role", team.nonBlankString("role")),
                    team.bool("is_private_teamspace").orElse(false)));
        }
        return result;
    }

    private static String teamField(JsonBody team, String field, Optional<String> value) {
        return value.orElseThrow(() -> new AuthFlowException("User info response missing required team field '" + field + "'."));
    }

    private static Instant refreshExpiresAt(JsonBody body) {
        Optional<String> text = body.string("refresh_token_expires_at").filter(s -> !s.isBlank());
        if (text.isEmpty()) {
            return null; // optional fallback; a non-string is ignored like an absent one
        }
        return TokenLifetimes.isoInstant(text.get())
                .orElseThrow(() -> new AuthFlowException(TokenLifetimes.BAD_EXPIRES_AT));
    }
}
