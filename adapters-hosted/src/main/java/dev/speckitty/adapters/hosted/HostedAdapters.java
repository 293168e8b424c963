package dev.speckitty.adapters.hosted;

import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.membership.WebClientMembershipDirectory;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.adapters.hosted.oauth.WebClientAuthorizationServer;
import dev.speckitty.adapters.hosted.status.WebClientSessionStatusProbe;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStatusProbe;

/**
 * Wires the hosted adapters for one base URL over one shared WebClient. Cheap to build: no
 * request is made until an adapter is used (discovery included).
 */
public final class HostedAdapters {

    private final WebClientAuthorizationServer authorizationServer;
    private final WebClientMembershipDirectory membershipDirectory;
    private final WebClientSessionStatusProbe sessionStatusProbe;

    public HostedAdapters(HostedEndpoints endpoints, HostedHttpSettings settings) {
        HostedHttpClient http = HostedHttpClient.create(settings);
        IdempotentRetry retry = new IdempotentRetry(settings.retry());
        OAuthMetadataDiscovery discovery = new OAuthMetadataDiscovery(endpoints, http, retry);
        this.authorizationServer = new WebClientAuthorizationServer(endpoints, discovery, http);
        this.membershipDirectory = new WebClientMembershipDirectory(endpoints, http, retry);
        this.sessionStatusProbe = new WebClientSessionStatusProbe(endpoints, http, retry);
    }

    public HostedAdapters(HostedEndpoints endpoints) {
        this(endpoints, HostedHttpSettings.defaults());
    }

    public AuthorizationServer authorizationServer() {
        return authorizationServer;
    }

    public MembershipDirectory membershipDirectory() {
        return membershipDirectory;
    }

    public SessionStatusProbe sessionStatusProbe() {
        return sessionStatusProbe;
    }
}
