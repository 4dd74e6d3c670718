package io.shopsaga.dataplatform.domain;

import java.time.Duration;

/**
 * Bounded retries with exponential backoff: at most {@code maxAttempts} attempts per round (the first one
 * included), the n-th failed one followed by a pause of {@code initialBackoff × multiplier^(n-1)}, capped at
 * {@code maxBackoff}. An answer's {@code Retry-After} lengthens that pause to what the platform asked for, up to
 * {@code maxBackoff} too (a platform asking for hours does not park a delivery for hours).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** Errors are kept to what the delivery log's column holds. */
    public static final int MAX_ERROR_LENGTH = 500;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and max-backoff >= initial-backoff: "
                    + initialBackoff + ", " + maxBackoff);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("backoff-multiplier must be >= 1: " + multiplier);
        }
    }

    /** The pause after the {@code attempt}-th failed attempt of a round (1-based). */
    public Duration backoffAfter(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    /** Judges the {@code attempt}-th attempt of a round (1-based) by its result. */
    public NextStep next(AttemptResult result, int attempt) {
        return switch (result.verdict()) {
            case DELIVERED -> new NextStep.Delivered(result.httpStatus());
            case PERMANENT -> new NextStep.Failed(truncate(result.describe()), result.httpStatus(), true);
            case RETRYABLE -> attempt >= maxAttempts
                    ? new NextStep.Failed(truncate(result.describe() + " (gave up after " + attempt + " attempts)"),
                            result.httpStatus(), false)
                    : new NextStep.RetryAfter(pauseAfter(result, attempt), truncate(result.describe()),
                            result.httpStatus());
        };
    }

    private Duration pauseAfter(AttemptResult result, int attempt) {
        Duration backoff = backoffAfter(attempt);
        Duration asked = result.retryAfter();
        if (asked == null || asked.compareTo(backoff) <= 0) {
            return backoff;
        }
        return asked.compareTo(maxBackoff) < 0 ? asked : maxBackoff;
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }
}
