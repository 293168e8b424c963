package dev.speckitty.conformance.sas;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The product's own resource, {@code GET /api/v1/me}, behind the server's JWT bearer validation. */
@RestController
class MeController {

    @GetMapping("/api/v1/me")
    Map<String, Object> me(@AuthenticationPrincipal Jwt token) {
        return Map.of(
                "user_id", token.getSubject(),
                "email", token.getSubject(),
                "name", "Dev",
                "teams", List.of(Map.of("id", "t-private", "name", "Private", "role", "owner",
                        "is_private_teamspace", true)));
    }
}
