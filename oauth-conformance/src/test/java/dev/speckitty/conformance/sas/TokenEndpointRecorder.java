package dev.speckitty.conformance.sas;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.filter.OncePerRequestFilter;

/** In front of the server's security filters: counts token-endpoint requests by grant type and answer status. */
final class TokenEndpointRecorder extends OncePerRequestFilter {

    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.equals("/oauth2/token")) {
            String grant = request.getParameter("grant_type"); // the form is parsed once; the server reads it too
            chain.doFilter(request, response);
            tokenRequests.computeIfAbsent(grant + " " + response.getStatus(), key -> new AtomicInteger()).incrementAndGet();
        } else {
            chain.doFilter(request, response);
        }
    }

    /** How many token requests had this grant type and answer status. */
    int tokenRequests(String grantType, int status) {
        AtomicInteger count = tokenRequests.get(grantType + " " + status);
        return count == null ? 0 : count.get();
    }
}
