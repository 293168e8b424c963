package dev.speckitty.conformance.sas;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * A public client identified by {@code client_id} alone (RFC 6749 §2.3.1, RFC 7009 §2.1, RFC 8628
 * §3.1) on the device authorization, device-code and refresh token requests, revocation and
 * introspection. Spring Authorization Server authenticates a public client only on a PKCE code
 * exchange out of the box and leaves the rest to the application (its own device-grant sample does
 * this); the PKCE exchange stays with its built-in provider, which checks the verifier.
 */
final class PublicClientAuthentication {

    private PublicClientAuthentication() {}

    static AuthenticationConverter converter() {
        return PublicClientAuthentication::convert;
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new Provider(clients);
    }

    private static Authentication convert(HttpServletRequest request) {
        String clientId = request.getParameter("client_id");
        boolean otherCredentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter("client_secret") != null || request.getParameter("client_assertion") != null;
        if (!StringUtils.hasText(clientId) || otherCredentials || request.getParameter("code_verifier") != null) {
            return null; // not ours: no client_id, a confidential client, or a PKCE exchange
        }
        if (request.getParameterValues("client_id").length != 1) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, null);
    }

    private record Provider(RegisteredClientRepository clients) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2ClientAuthenticationToken presented = (OAuth2ClientAuthenticationToken) authentication;
            boolean pkceExchange = presented.getAdditionalParameters().containsKey("code_verifier");
            if (!ClientAuthenticationMethod.NONE.equals(presented.getClientAuthenticationMethod()) || pkceExchange) {
                return null;
            }
            RegisteredClient client = clients.findByClientId(String.valueOf(presented.getPrincipal()));
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> type) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(type);
        }
    }
}
