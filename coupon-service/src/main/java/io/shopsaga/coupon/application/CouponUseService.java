package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.CouponRules;
import io.shopsaga.coupon.domain.CouponUse;
import io.shopsaga.coupon.domain.CouponUseStatus;
import io.shopsaga.coupon.domain.IssuedCoupon;
import io.shopsaga.coupon.persistence.CouponUseRepository;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.defaults.persistence.LockFirst;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The order saga's coupon steps, each one transaction and idempotent by order id through {@code coupon_use}:
 * a use marks the coupon USED with a guarded UPDATE (only the owner's AVAILABLE coupon changes), a restore
 * makes it AVAILABLE again once, and a restore that arrives before its use fences the late use off.
 */
@Service
public class CouponUseService {

    private final IssuedCouponRepository issuedCoupons;
    private final CouponUseRepository uses;
    private final RetryingTransactions transactions;
    private final Clock clock;

    public CouponUseService(IssuedCouponRepository issuedCoupons, CouponUseRepository uses,
            RetryingTransactions transactions, Clock clock) {
        this.issuedCoupons = issuedCoupons;
        this.uses = uses;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Uses the user's coupon for the order and answers its discount on {@code orderTotal}; anything but the
     * user's own AVAILABLE coupon is rejected with COUPON_UNAVAILABLE. The same order asking again gets the
     * same answer.
     */
    public UseOutcome use(long orderId, long userId, long issuedCouponId, long orderTotal) {
        if (orderTotal < 0) {
            throw new IllegalArgumentException("An order total cannot be negative: " + orderTotal);
        }
        return transactions.execute(() -> {
            if (!uses.insertPending(orderId, issuedCouponId, userId)) {
                // The duplicate key means the first delivery has committed its row: read it without a lock.
                // (Locking it would upgrade the shared lock the duplicate check left, and two redeliveries
                // upgrading at once deadlock each other.)
                return outcomeOf(uses.find(orderId).orElseThrow());
            }
            Optional<IssuedCoupon> coupon = issuedCoupons.find(issuedCouponId);
            if (coupon.isEmpty() || !issuedCoupons.markUsed(issuedCouponId, userId, orderId, clock.instant())) {
                return rejected(orderId);
            }
            IssuedCoupon used = coupon.get();
            long discount = used.discountType().discountOn(used.discountValue(), orderTotal);
            uses.update(orderId, CouponUseStatus.USED, discount);
            return new UseOutcome.Used(orderId, issuedCouponId, discount);
        });
    }

    /** Gives back the coupon the order used, once; a no-op for an order that used none. */
    public RestoreOutcome restore(long orderId) {
        return transactions.execute(() -> {
            Optional<CouponUse> existing = LockFirst.lockOrInsert(() -> uses.lock(orderId),
                    () -> uses.insertCancelled(orderId));
            if (existing.isEmpty()) {
                return new RestoreOutcome(orderId, false);
            }
            CouponUse use = existing.get();
            if (!use.status().restoreGivesCouponBack()) {
                return new RestoreOutcome(orderId, false);
            }
            issuedCoupons.markAvailable(use.issuedCouponId(), orderId);
            CouponUse restored = use.restore();
            uses.update(orderId, restored.status(), restored.discount());
            return new RestoreOutcome(orderId, true);
        });
    }

    /** What the order did with its coupon, if anything (for tests and operators). */
    public Optional<CouponUse> useOf(long orderId) {
        return uses.find(orderId);
    }

    private static UseOutcome outcomeOf(CouponUse use) {
        return use.status().answersUsed()
                ? new UseOutcome.Used(use.orderId(), use.issuedCouponId(), use.discount())
                : rejected(use.orderId());
    }

    private static UseOutcome rejected(long orderId) {
        return new UseOutcome.Rejected(orderId, CouponRules.COUPON_UNAVAILABLE);
    }
}
