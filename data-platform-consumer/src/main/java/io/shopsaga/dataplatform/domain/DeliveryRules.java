package io.shopsaga.dataplatform.domain;

import io.shopsaga.defaults.error.BusinessException;

/** The codes of this service's refusals and the key the platform de-duplicates by. */
public final class DeliveryRules {

    public static final String DELIVERY_NOT_FOUND = "DELIVERY_NOT_FOUND";
    public static final String ALREADY_DELIVERED = "ALREADY_DELIVERED";

    private DeliveryRules() {
    }

    /** The {@code Idempotency-Key} of an order's POST: the same on every attempt, so the platform drops repeats. */
    public static String idempotencyKey(long orderId) {
        return "order-" + orderId;
    }

    public static BusinessException notFound(long orderId) {
        return new BusinessException(DELIVERY_NOT_FOUND, BusinessException.Kind.NOT_FOUND,
                "no completed order " + orderId + " has been received");
    }
}
