package dev.speckitty.emulator.web;

import dev.speckitty.emulator.state.AccessCheck;
import dev.speckitty.emulator.state.CallCounters;
import dev.speckitty.emulator.state.SessionSnapshot;
import dev.speckitty.emulator.state.TokenStore;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Checks the {@code Authorization: Bearer} access token of an API call. */
final class BearerAuthentication {

    private static final String PREFIX = "bearer ";
    private final TokenStore tokens;
    private final CallCounters counters;

    BearerAuthentication(TokenStore tokens, CallCounters counters) {
        this.tokens = tokens;
        this.counters = counters;
    }

    /** Runs {@code onGranted} for a good token; otherwise lets {@code onDenied} render the 401. */
    Mono<ServerResponse> authenticate(ServerRequest request,
                                      Function<SessionSnapshot, Mono<ServerResponse>> onGranted,
                                      Function<Denial, Mono<ServerResponse>> onDenied) {
        AccessCheck check = bearerToken(request)
                .map(tokens::checkAccess)
                .orElseGet(() -> new AccessCheck.Denied("invalid_token", "Missing bearer token."));
        return switch (check) {
            case AccessCheck.Granted granted -> onGranted.apply(granted.session());
            case AccessCheck.Denied denied -> {
                counters.bearerDenied(denied.error());
                yield onDenied.apply(new Denial(denied.error(), denied.description()));
            }
        };
    }

    /** Denies with the RFC 6750 body {@code {"error","error_description"}}. */
    static Mono<ServerResponse> oauthStyle(Denial denial) {
        return denial.unauthorized().bodyValue(java.util.Map.of(
                "error", denial.error(), "error_description", denial.description()));
    }

    private static Optional<String> bearerToken(ServerRequest request) {
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return Optional.empty();
        }
        String token = header.substring(PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Why a token was refused, and a 401 builder carrying the RFC 6750 §3 challenge. */
    record Denial(String error, String description) {

        ServerResponse.BodyBuilder unauthorized() {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\"")
                    .contentType(MediaType.APPLICATION_JSON);
        }
    }
}
