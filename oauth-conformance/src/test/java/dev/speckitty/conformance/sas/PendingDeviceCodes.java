package dev.speckitty.conformance.sas;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The server's own in-memory authorization store, noting each new device authorization: its user
 * code (what the user reads off the CLI's screen and types in; the CLI prints it while it polls,
 * where the test cannot read it) and its device code (a secret the CLI must never print).
 */
final class PendingDeviceCodes implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
    private final BlockingQueue<String> userCodes = new LinkedBlockingQueue<>();
    private final List<String> deviceCodes = new CopyOnWriteArrayList<>();

    @Override
    public void save(OAuth2Authorization authorization) {
        boolean isNew = store.findById(authorization.getId()) == null;
        store.save(authorization);
        OAuth2Authorization.Token<OAuth2UserCode> userCode = authorization.getToken(OAuth2UserCode.class);
        OAuth2Authorization.Token<OAuth2DeviceCode> deviceCode = authorization.getToken(OAuth2DeviceCode.class);
        if (isNew && userCode != null && deviceCode != null) {
            deviceCodes.add(deviceCode.getToken().getTokenValue());
            userCodes.add(userCode.getToken().getTokenValue());
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return store.findByToken(token, tokenType);
    }

    BlockingQueue<String> userCodes() {
        return userCodes;
    }

    List<String> deviceCodes() {
        return List.copyOf(deviceCodes);
    }
}
