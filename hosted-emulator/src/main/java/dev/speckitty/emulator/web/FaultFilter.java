package dev.speckitty.emulator.web;

import dev.speckitty.emulator.Endpoint;
import dev.speckitty.emulator.fault.Fault;
import dev.speckitty.emulator.fault.FaultBoard;
import dev.speckitty.emulator.state.CallCounters;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/** Counts every call to an endpoint, then applies that endpoint's next fault, if one is queued. */
final class FaultFilter implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultFilter.class);

    private final Endpoint endpoint;
    private final CallCounters counters;
    private final FaultBoard faults;

    FaultFilter(Endpoint endpoint, CallCounters counters, FaultBoard faults) {
        this.endpoint = endpoint;
        this.counters = counters;
        this.faults = faults;
    }

    @Override
    public Mono<ServerResponse> filter(ServerRequest request, HandlerFunction<ServerResponse> next) {
        counters.served(endpoint);
        Optional<Fault> fault = faults.take(endpoint);
        if (fault.isEmpty()) {
            return next.handle(request);
        }
        Fault active = fault.get();
        LOG.info("fault on {}: status={} delay_ms={} drop={} delay_response_ms={}", endpoint.key(),
                active.status(), active.delayMs(), active.dropConnection(), active.responseDelayMs());
        Mono<ServerResponse> outcome = Mono.defer(() -> apply(active, request, next));
        return active.delayMs() > 0 ? Mono.delay(Duration.ofMillis(active.delayMs())).then(outcome) : outcome;
    }

    private static Mono<ServerResponse> apply(Fault fault, ServerRequest request, HandlerFunction<ServerResponse> next) {
        if (fault.dropConnection()) {
            return dropConnection(request);
        }
        if (fault.status() == null) {
            Mono<ServerResponse> answer = next.handle(request); // the handler's work is done when it emits
            return fault.responseDelayMs() > 0
                    ? answer.delayElement(Duration.ofMillis(fault.responseDelayMs()))
                    : answer;
        }
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatusCode.valueOf(fault.status()));
        fault.headers().forEach(response::header);
        if (fault.body() == null) {
            return response.build();
        }
        if (fault.body() instanceof String text) {
            return response.contentType(MediaType.TEXT_PLAIN).bodyValue(text);
        }
        return response.contentType(MediaType.APPLICATION_JSON).bodyValue(fault.body());
    }

    /** Closes the TCP connection without an answer: the client sees a connection error, not a status. */
    private static Mono<ServerResponse> dropConnection(ServerRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        if (nativeRequest instanceof Connection connection) {
            connection.channel().close();
            return Mono.never();
        }
        return Mono.error(new IllegalStateException("dropping a connection needs Reactor Netty"));
    }
}
