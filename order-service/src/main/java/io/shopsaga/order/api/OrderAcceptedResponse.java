package io.shopsaga.order.api;

/** {@code 202 {"orderId":900,"status":"PENDING"}}: the order is stored and its saga runs. */
public record OrderAcceptedResponse(long orderId, String status) {
}
