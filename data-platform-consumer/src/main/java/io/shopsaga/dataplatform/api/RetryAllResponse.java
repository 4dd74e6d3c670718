package io.shopsaga.dataplatform.api;

/** {@code {"requeued":3}}: how many FAILED deliveries were put back to PENDING. */
public record RetryAllResponse(int requeued) {
}
