package io.shopsaga.dataplatform.application;

import io.shopsaga.dataplatform.domain.AttemptResult;

/** The external data platform, as the deliveries see it: one POST of one order's document. */
public interface DataPlatform {

    /**
     * Sends one order's {@code document} with its {@code Idempotency-Key}. Never throws for a failed call: an error
     * status, a timeout or a refused connection is an {@link AttemptResult} too.
     */
    AttemptResult post(String idempotencyKey, String document);
}
