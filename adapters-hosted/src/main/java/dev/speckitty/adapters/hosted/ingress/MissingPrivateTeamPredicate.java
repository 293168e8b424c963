package dev.speckitty.adapters.hosted.ingress;

import dev.speckitty.adapters.hosted.http.JsonBody;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Does a 403 say the Private Teamspace is missing? (docs/spec/behaviour.md §1.3.) The reference scans
 * category, error_code, error, message and detail; we also scan error_description, a safe superset.
 */
final class MissingPrivateTeamPredicate {

    private static final List<String> FIELDS =
            List.of("category", "error_code", "error", "message", "detail", "error_description");

    private MissingPrivateTeamPredicate() {}

    static boolean matches(Optional<JsonBody> body) {
        if (body.isEmpty()) {
            return false;
        }
        String text = FIELDS.stream().map(field -> body.get().string(field)).flatMap(Optional::stream)
                .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        return text.contains("direct_ingress_missing_private_team") || text.contains("private teamspace")
                || (text.contains("private team") && text.contains("direct ingress"));
    }
}
