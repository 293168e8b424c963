package dev.speckitty.adapters.hosted.http;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Spring Framework 7 core retry for idempotent calls only (discovery, {@code /api/v1/me},
 * session-status GETs): retried on transport failures and 502/503/504, with bounded exponential
 * backoff and jitter. Token POSTs and revoke never come through here: a replayed refresh POST
 * would spend a single-use refresh token twice.
 */
public final class IdempotentRetry {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(502, 503, 504);

    private final RetryTemplate template;

    public IdempotentRetry(RetrySettings settings) {
        RetryPolicy policy = RetryPolicy.builder()
                .maxRetries(settings.maxAttempts() - 1L)
                .delay(settings.initialDelay())
                .multiplier(settings.multiplier())
                .maxDelay(settings.maxDelay())
                .jitter(settings.jitter().compareTo(settings.initialDelay()) > 0 ? settings.initialDelay() : settings.jitter())
                .predicate(IdempotentRetry::isRetryable)
                .build();
        this.template = new RetryTemplate(policy);
    }

    /**
     * Runs {@code call} until it answers with a non-retryable status or attempts run out. After
     * the last attempt the last answer is returned (e.g. the final 503) or its transport failure
     * rethrown.
     *
     * @param operation a safe label for Spring's retry logs (method and path, never a query)
     */
    public HostedResponse execute(String operation, Supplier<HostedResponse> call) {
        Retryable<HostedResponse> retryable = new Retryable<>() {
            @Override
            public HostedResponse execute() {
                HostedResponse response = call.get();
                if (RETRYABLE_STATUSES.contains(response.status())) {
                    throw new RetryableStatusException(response);
                }
                return response;
            }

            @Override
            public String getName() {
                return operation;
            }
        };
        try {
            return template.execute(retryable);
        } catch (RetryException exhausted) {
            Throwable last = exhausted.getLastException();
            if (last instanceof RetryableStatusException status) {
                return status.response;
            }
            if (last instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (last instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Retry of " + operation + " ended without an answer");
        }
    }

    private static boolean isRetryable(Throwable error) {
        return error instanceof HostedTransportException || error instanceof RetryableStatusException;
    }

    /** Carries a 502/503/504 answer through the retry template; its message is the status only. */
    private static final class RetryableStatusException extends RuntimeException {

        private final transient HostedResponse response;

        RetryableStatusException(HostedResponse response) {
            super("HTTP " + response.status(), null, false, false);
            this.response = response;
        }
    }
}
