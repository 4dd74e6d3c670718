package io.shopsaga.product.domain;

/**
 * One order's reservation of stock.
 *
 * @param orderId the saga's order id; one reservation per order
 * @param status where the reservation stands
 * @param failureCode why it was refused ({@code OUT_OF_STOCK}, {@code PRODUCT_NOT_FOUND}), else {@code null}
 * @param failedProductId the product that refused it, else {@code null}
 */
public record OrderReservation(long orderId, ReservationStatus status, String failureCode, Long failedProductId) {

    public OrderReservation {
        if ((status == ReservationStatus.REJECTED) != (failureCode != null)) {
            throw new IllegalStateException("Order " + orderId + ": a " + status + " reservation "
                    + (failureCode == null ? "needs" : "has no") + " failure code");
        }
    }

    /** The reservation after a release. */
    public OrderReservation release() {
        return new OrderReservation(orderId, status.afterRelease(), failureCode, failedProductId);
    }
}
