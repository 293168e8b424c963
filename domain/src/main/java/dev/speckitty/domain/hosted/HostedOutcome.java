package dev.speckitty.domain.hosted;

import java.util.Objects;
import java.util.function.Function;

/**
 * The result of a hosted call as a value, never an exception: either the answer or a classified
 * failure. Human and machine renderings both come from this one value.
 */
public sealed interface HostedOutcome<T> {

    record Success<T>(T value) implements HostedOutcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    record Failure<T>(HostedFailure failure) implements HostedOutcome<T> {
        public Failure {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> HostedOutcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> HostedOutcome<T> failure(FailureCategory category, String message, Integer httpStatus) {
        return new Failure<>(new HostedFailure(category, message, httpStatus));
    }

    default <U> HostedOutcome<U> map(Function<T, U> mapper) {
        return switch (this) {
            case Success<T> s -> new Success<>(mapper.apply(s.value()));
            case Failure<T> f -> new Failure<>(f.failure());
        };
    }
}
