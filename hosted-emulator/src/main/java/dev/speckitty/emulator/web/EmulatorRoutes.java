package dev.speckitty.emulator.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.state.EmulatorState;
import dev.speckitty.emulator.state.RuntimeSwitches;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Wires every path to its handler; each hosted endpoint goes through counting and fault injection. */
public final class EmulatorRoutes {

    private final EmulatorState state;
    private final ServerAddress address;

    public EmulatorRoutes(EmulatorState state, ServerAddress address) {
        this.state = state;
        this.address = address;
    }

    public RouterFunction<ServerResponse> router() {
        RuntimeSwitches switches = state.switches();
        BearerAuthentication bearer = new BearerAuthentication(state.tokens(), state.counters());
        DiscoveryHandler discovery = new DiscoveryHandler(switches, address);
        AuthorizeHandler authorize = new AuthorizeHandler(switches, state.approvals(), state.codes(), state.users());
        DeviceHandler device = new DeviceHandler(state.devices(), state.users(), address);
        TokenRefusals refusals = new TokenRefusals(state.counters());
        TokenHandler token = new TokenHandler(state.counters(), refusals,
                new AuthorizationCodeExchange(state.codes(), state.tokens(), state.counters(), refusals, state.secrets(),
                        switches),
                new DeviceCodePolling(state.devices(), state.tokens(), state.users(), switches, state.counters(), refusals),
                new RefreshRotation(state.tokens(), state.counters(), refusals, switches));
        RevokeHandler revoke = new RevokeHandler(state.tokens(), switches);
        IntrospectionHandler introspection = new IntrospectionHandler(state.tokens());
        RequestPredicate strict = request -> switches.standardOnly();
        AccountHandler account = new AccountHandler(state, bearer);
        BatchIngressHandler batch = new BatchIngressHandler(bearer, state.users(), state.events());
        TrackerHandler tracker = new TrackerHandler(bearer, state.users());

        return admin(new AdminHandler(state))
                .and(hosted(Endpoint.DISCOVERY, GET("/.well-known/oauth-authorization-server")
                        .and(request -> switches.discovery()), discovery::metadata))
                .and(oauth(OAuthPaths.SPEC_KITTY, authorize, device, token, revoke))
                .and(oauth(OAuthPaths.STANDARD, authorize, device, token, revoke))
                .and(hosted(Endpoint.CONSENT, POST(AuthorizeHandler.CONSENT_PATH), authorize::consent))
                .and(hosted(Endpoint.DEVICE_PAGE, GET(DeviceHandler.VERIFICATION_PATH), device::verificationPage))
                .and(hosted(Endpoint.DEVICE_PAGE, POST(DeviceHandler.VERIFICATION_PATH), device::verify))
                .and(hosted(Endpoint.ME, GET("/api/v1/me"), account::me))
                .and(hosted(Endpoint.SESSION_STATUS, GET("/api/v1/session-status").and(strict.negate()),
                        account::sessionStatus))
                .and(hosted(Endpoint.INTROSPECT, POST(OAuthPaths.INTROSPECT).and(strict), introspection::introspect))
                .and(hosted(Endpoint.USERINFO, GET(OAuthPaths.USERINFO).and(strict), account::userinfo))
                .and(hosted(Endpoint.EVENTS_BATCH, POST("/api/v1/events/batch/"), batch::ingest))
                .and(hosted(Endpoint.SYNC_HEALTH, GET("/api/v1/sync/health/"),
                        request -> OAuthResponses.json(HttpStatus.OK, Map.of("status", "ok"))))
                .and(hosted(Endpoint.TRACKER_STATUS, GET("/api/v1/tracker/status"), tracker::status))
                .and(hosted(Endpoint.TRACKER_PULL, POST("/api/v1/tracker/pull"), tracker::pull))
                .and(hosted(Endpoint.NOT_FOUND, RequestPredicates.all(),
                        request -> OAuthResponses.json(HttpStatus.NOT_FOUND, Map.of("error", "not_found"))));
    }

    /** One OAuth path set; it answers only while it is the active set, so the other set is a 404. */
    private RouterFunction<ServerResponse> oauth(OAuthPaths paths, AuthorizeHandler authorize, DeviceHandler device,
                                                 TokenHandler token, RevokeHandler revoke) {
        RequestPredicate active = request -> OAuthPaths.active(state.switches().standardOnly()) == paths;
        return hosted(Endpoint.AUTHORIZE, GET(paths.authorize()).and(active), authorize::authorize)
                .and(hosted(Endpoint.DEVICE_AUTHORIZATION, POST(paths.device()).and(active), device::authorizeDevice))
                .and(hosted(Endpoint.TOKEN, POST(paths.token()).and(active), token::token))
                .and(hosted(Endpoint.REVOKE, POST(paths.revoke()).and(active), revoke::revoke));
    }

    private RouterFunction<ServerResponse> hosted(Endpoint endpoint, RequestPredicate predicate,
                                                  HandlerFunction<ServerResponse> handler) {
        return RouterFunctions.route(predicate, handler)
                .filter(new FaultFilter(endpoint, state.counters(), state.faults()));
    }

    /** The admin API is neither counted nor faultable: tests must always be able to steer the emulator. */
    private static RouterFunction<ServerResponse> admin(AdminHandler admin) {
        return RouterFunctions.route()
                .GET("/__admin/counters", admin::counters)
                .POST("/__admin/counters/reset", admin::resetCounters)
                .POST("/__admin/reset", admin::reset)
                .GET("/__admin/faults", admin::faults)
                .POST("/__admin/faults", admin::addFault)
                .DELETE("/__admin/faults", admin::clearFaults)
                .GET("/__admin/settings", admin::settings)
                .POST("/__admin/settings", admin::updateSettings)
                .GET("/__admin/user", admin::user)
                .PUT("/__admin/user", admin::replaceUser)
                .PUT("/__admin/me", admin::overrideMe)
                .DELETE("/__admin/me", admin::clearMeOverride)
                .POST("/__admin/sessions", admin::mintSession)
                .GET("/__admin/sessions/{id}", admin::session)
                .POST("/__admin/sessions/{id}/expire-access-token", admin::expireAccessToken)
                .POST("/__admin/sessions/{id}/revoke", admin::revokeSession)
                .GET("/__admin/events", admin::events)
                .POST("/__admin/clock", admin::advanceClock)
                .build();
    }
}
