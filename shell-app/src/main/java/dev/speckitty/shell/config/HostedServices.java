package dev.speckitty.shell.config;

import dev.speckitty.adapters.hosted.HostedAdapters;
import dev.speckitty.adapters.hosted.HostedEndpoints;
import dev.speckitty.domain.auth.AuthorizationRequest;
import dev.speckitty.domain.auth.DeviceAuthorization;
import dev.speckitty.domain.auth.DevicePoll;
import dev.speckitty.domain.auth.Membership;
import dev.speckitty.domain.auth.RefreshResult;
import dev.speckitty.domain.auth.RevokeOutcome;
import dev.speckitty.domain.auth.ServerSessionStatus;
import dev.speckitty.domain.auth.TokenGrant;
import dev.speckitty.adapters.hosted.HostedHttpSettings;
import dev.speckitty.adapters.hosted.health.WebClientHostedHealth;
import dev.speckitty.domain.port.AuthorizationServer;
import dev.speckitty.domain.port.EventIngress;
import dev.speckitty.domain.port.HostedHealth;
import dev.speckitty.domain.port.TrackerService;
import dev.speckitty.domain.sync.EventResult;
import dev.speckitty.domain.sync.QueuedEvent;
import dev.speckitty.domain.tracker.TrackerResult;
import java.time.Duration;
import java.util.List;
import dev.speckitty.domain.port.MembershipDirectory;
import dev.speckitty.domain.port.SessionStatusProbe;
import dev.speckitty.domain.session.Secret;
import java.util.Optional;

/**
 * The hosted adapters for the configured base URL, built on first use so that offline commands
 * never resolve configuration or create an HTTP client. Used before configuration is known, it
 * fails with the configuration error (naming both settings) and makes no request.
 */
public final class HostedServices
        implements AuthorizationServer, MembershipDirectory, SessionStatusProbe, EventIngress, TrackerService, HostedHealth {

    public static final String CLIENT_ID_VARIABLE = "SPEC_KITTY_CLIENT_ID";

    private final HostedTarget target;
    private final RuntimeEnvironment environment;
    private final WorkCounters counters;
    private HostedAdapters adapters;

    public HostedServices(HostedTarget target, RuntimeEnvironment environment, WorkCounters counters) {
        this.target = target;
        this.environment = environment;
        this.counters = counters;
    }

    public boolean configured() {
        return target.baseUrl().isPresent();
    }

    /** These services when a hosted URL is configured, for callers that degrade without one. */
    public Optional<HostedServices> ifConfigured() {
        return configured() ? Optional.of(this) : Optional.empty();
    }

    private synchronized HostedEndpoints endpoints() {
        return new HostedEndpoints(target.requireBaseUrl(),
                environment.get(CLIENT_ID_VARIABLE).orElse(HostedEndpoints.DEFAULT_CLIENT_ID),
                HostedEndpoints.DEFAULT_SCOPE);
    }

    private synchronized HostedAdapters adapters() {
        if (adapters == null) {
            adapters = new HostedAdapters(endpoints());
        }
        return adapters;
    }

    @Override
    public List<EventResult> send(List<QueuedEvent> batch, String privateTeamId, Secret accessToken) {
        return adapters().eventIngress().send(batch, privateTeamId, accessToken);
    }

    @Override
    public TrackerResult status(String teamSlug, Secret accessToken) {
        return adapters().trackerService().status(teamSlug, accessToken);
    }

    @Override
    public TrackerResult pull(String teamSlug, Secret accessToken) {
        return adapters().trackerService().pull(teamSlug, accessToken);
    }

    @Override
    public Check check(Duration timeout) {
        return new WebClientHostedHealth(endpoints(), HostedHttpSettings.defaults()).check(timeout);
    }

    @Override
    public String authorizationUrl(AuthorizationRequest request) {
        return adapters().authorizationServer().authorizationUrl(request);
    }

    @Override
    public boolean discovered() {
        return adapters().authorizationServer().discovered();
    }

    @Override
    public void resolveEndpoints() {
        adapters().authorizationServer().resolveEndpoints();
    }

    @Override
    public DeviceAuthorization requestDeviceAuthorization() {
        return adapters().authorizationServer().requestDeviceAuthorization();
    }

    @Override
    public DevicePoll pollDeviceToken(Secret deviceCode) {
        return adapters().authorizationServer().pollDeviceToken(deviceCode);
    }

    @Override
    public TokenGrant exchangeAuthorizationCode(Secret code, AuthorizationRequest request) {
        return adapters().authorizationServer().exchangeAuthorizationCode(code, request);
    }

    @Override
    public RefreshResult refresh(Secret refreshToken) {
        counters.tokenRefresh();
        return adapters().authorizationServer().refresh(refreshToken);
    }

    @Override
    public RevokeOutcome revoke(Secret refreshToken) {
        return adapters().authorizationServer().revoke(refreshToken);
    }

    @Override
    public Membership fetch(Secret accessToken) {
        counters.membershipFetch();
        return adapters().membershipDirectory().fetch(accessToken);
    }

    @Override
    public ServerSessionStatus check(Secret accessToken) {
        return adapters().sessionStatusProbe().check(accessToken);
    }
}
