package io.shopsaga.dataplatform.domain;

import java.time.Duration;

/** What one POST to the data platform came back with: an HTTP answer, or none at all. */
public sealed interface AttemptResult {

    /** How the answer counts. */
    enum Verdict {
        /** The platform has the order. */
        DELIVERED,
        /** Worth trying again later. */
        RETRYABLE,
        /** Trying again cannot help (the platform refused the request itself). */
        PERMANENT
    }

    Verdict verdict();

    /** The error to record, for an answer that is not a delivery. */
    String describe();

    /** The HTTP status, or {@code null} when nothing answered. */
    Integer httpStatus();

    /** How long the platform asked to be left alone ({@code Retry-After}), or {@code null} when it did not say. */
    default Duration retryAfter() {
        return null;
    }

    /**
     * The platform answered.
     *
     * @param status the HTTP status code
     * @param bodyExcerpt the start of the response body (for the delivery log), possibly empty
     * @param retryAfter the answer's {@code Retry-After}, or {@code null}
     */
    record Answered(int status, String bodyExcerpt, Duration retryAfter) implements AttemptResult {

        public Answered(int status, String bodyExcerpt) {
            this(status, bodyExcerpt, null);
        }

        /**
         * 2xx is a delivery, and so is 409: the platform de-duplicates by the Idempotency-Key and says it already
         * has this order. 408, 429 and every other status outside 4xx (5xx, an unexpected 3xx) may pass; the rest
         * of 4xx is the platform refusing this request, which sending it again would not change.
         */
        @Override
        public Verdict verdict() {
            if ((status >= 200 && status < 300) || status == 409) {
                return Verdict.DELIVERED;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return Verdict.PERMANENT;
            }
            return Verdict.RETRYABLE;
        }

        @Override
        public String describe() {
            String excerpt = bodyExcerpt == null ? "" : bodyExcerpt.strip();
            return excerpt.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + excerpt;
        }

        @Override
        public Integer httpStatus() {
            return status;
        }
    }

    /**
     * No answer: connection refused or reset, a timeout, an I/O error.
     *
     * @param reason what went wrong, for the delivery log
     */
    record Unreachable(String reason) implements AttemptResult {

        @Override
        public Verdict verdict() {
            return Verdict.RETRYABLE;
        }

        @Override
        public String describe() {
            return reason;
        }

        @Override
        public Integer httpStatus() {
            return null;
        }
    }
}
