package io.shopsaga.order.domain;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The order's error codes and the rules checked before an order is placed. */
public final class OrderRules {

    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    /** A step got no reply within {@code shopsaga.order.step-timeout}; the order was compensated and FAILED. */
    public static final String SAGA_TIMEOUT = "SAGA_TIMEOUT";
    /** A participant refused without a code of its own (should not happen; kept so a FAILED order always has one). */
    public static final String STEP_REJECTED = "STEP_REJECTED";

    private OrderRules() {
    }

    public static void requireDistinctProducts(Collection<Long> productIds) {
        Set<Long> seen = new HashSet<>();
        for (Long id : productIds) {
            if (!seen.add(id)) {
                throw new BusinessException(ErrorCodes.INVALID_REQUEST, BusinessException.Kind.INVALID,
                        "items must not name a product twice (productId " + id + ")");
            }
        }
    }

    public static BusinessException productsNotFound(Collection<Long> missing) {
        return new BusinessException(PRODUCT_NOT_FOUND, BusinessException.Kind.NOT_FOUND,
                "No product with id " + missing.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b)
                        .orElse(""));
    }

    public static BusinessException orderNotFound(long orderId) {
        return new BusinessException(ORDER_NOT_FOUND, BusinessException.Kind.NOT_FOUND, "No order with id " + orderId);
    }

    /** The answer to a client that waited for an order that FAILED: 409 with the failure's code and the order id. */
    public static BusinessException orderFailed(long orderId, String failureCode) {
        return new BusinessException(failureCode, BusinessException.Kind.CONFLICT,
                "Order " + orderId + " failed: " + failureCode + "; nothing was charged or kept",
                Map.of("orderId", orderId));
    }
}
