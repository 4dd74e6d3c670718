package io.shopsaga.coupon.application;

/**
 * The answer to "give back the coupon this order used": always a success, since compensations must not fail.
 *
 * @param restored whether this call made a coupon AVAILABLE again (false when there was nothing to give back,
 *     or an earlier call already did)
 */
public record RestoreOutcome(long orderId, boolean restored) {
}
