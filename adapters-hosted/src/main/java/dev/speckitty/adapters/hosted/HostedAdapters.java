package dev.speckitty.adapters.hosted;

import dev.speckitty.adapters.hosted.http.HostedHttpClient;
import dev.speckitty.adapters.hosted.http.IdempotentRetry;
import dev.speckitty.adapters.hosted.membership.WebClientMembershipDirectory;
import dev.speckitty.adapters.hosted.oauth.OAuthMetadataDiscovery;
import dev.speckitty.adapters.hosted.oauth.WebClientAuthorizationServer;
import dev.speckitty.adapters.hosted.status.HostedSessionCheck;
import dev.speckitty.adapters.hosted.ingress.WebClientEventIngress;
import dev.speckitty.adapters.hosted.tracker.WebClientTrackerService;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStatusProbe;
import java.time.Duration;

/**
 * Wires the hosted adapters for one base URL over one shared WebClient. Cheap to build: no
 * request is made until an adapter is used (discovery included).
 */
public final class HostedAdapters {

    /** The batch POST's whole-call limit (docs/spec/behaviour.md §1.3); other calls keep the settings' call timeout. */
    public static final Duration DEFAULT_INGRESS_TIMEOUT = Duration.ofSeconds(60);

    private final WebClientAuthorizationServer authorizationServer;
    private final WebClientMembershipDirectory membershipDirectory;
    private final HostedSessionCheck sessionStatusProbe;
    private final WebClientEventIngress eventIngress;
    private final WebClientTrackerService trackerService;

    public HostedAdapters(HostedEndpoints endpoints, HostedHttpSettings settings) {
        this(endpoints, settings, DEFAULT_INGRESS_TIMEOUT);
    }

    /** As above with another batch-ingress timeout (tests, or a configured override). */
    public HostedAdapters(HostedEndpoints endpoints, HostedHttpSettings settings, Duration ingressTimeout) {
        HostedHttpClient http = HostedHttpClient.create(settings);
        IdempotentRetry retry = new IdempotentRetry(settings.retry());
        OAuthMetadataDiscovery discovery = new OAuthMetadataDiscovery(endpoints, http, retry);
        this.authorizationServer = new WebClientAuthorizationServer(endpoints, discovery, http);
        this.membershipDirectory = new WebClientMembershipDirectory(endpoints, discovery, http, retry);
        this.sessionStatusProbe = new HostedSessionCheck(endpoints, discovery, http, retry);
        // The batch POST may take up to 60 s (docs/spec/behaviour.md §1.3); it has its own client for that.
        this.eventIngress = new WebClientEventIngress(endpoints,
                HostedHttpClient.create(settings.withCallTimeout(ingressTimeout)), retry);
        this.trackerService = new WebClientTrackerService(endpoints, http, Thread::sleep);
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

    public EventIngress eventIngress() {
        return eventIngress;
    }

    public TrackerService trackerService() {
        return trackerService;
    }

    public SessionStatusProbe sessionStatusProbe() {
        return sessionStatusProbe;
    }
}
