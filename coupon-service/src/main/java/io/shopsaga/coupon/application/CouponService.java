package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.CouponRules;
import io.shopsaga.coupon.domain.IssuedCoupon;
import io.shopsaga.coupon.domain.NewCoupon;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Campaigns (the operator's side) and the coupons a user holds. */
@Service
public class CouponService {

    private static final Logger log = LoggerFactory.getLogger(CouponService.class);

    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final GateRebuilder rebuilder;
    private final RetryingTransactions transactions;
    private final IdempotentExecutor idempotency;

    public CouponService(CouponRepository coupons, IssuedCouponRepository issuedCoupons, GateRebuilder rebuilder,
            RetryingTransactions transactions, IdempotentExecutor idempotency) {
        this.coupons = coupons;
        this.issuedCoupons = issuedCoupons;
        this.rebuilder = rebuilder;
        this.transactions = transactions;
        this.idempotency = idempotency;
    }

    /** Creates a campaign (once per Idempotency-Key) and prepares its Redis gate. */
    public CouponView create(NewCoupon coupon, String idempotencyKey) {
        AtomicBoolean inserted = new AtomicBoolean();
        CouponView created = transactions.execute(() -> idempotency.execute("create-coupon", idempotencyKey, coupon,
                CouponView.class, () -> {
                    inserted.set(true);
                    return insert(coupon);
                }));
        if (inserted.get()) {
            prepareGate(created.id());
        }
        return created;
    }

    /** Creates {@code coupon} only when no campaign exists at all (the local seed); empty otherwise. */
    public Optional<CouponView> createIfNone(NewCoupon coupon) {
        Optional<CouponView> created = transactions.execute(
                () -> coupons.isEmpty() ? Optional.of(insert(coupon)) : Optional.<CouponView>empty());
        created.ifPresent(view -> prepareGate(view.id()));
        return created;
    }

    public CouponView get(long couponId) {
        return coupons.find(couponId).map(CouponView::of).orElseThrow(() -> CouponRules.notFound(couponId));
    }

    /** The coupons a user holds, oldest first; a user without any gets an empty list. */
    public List<UserCouponView> couponsOf(long userId) {
        return issuedCoupons.findByUser(userId).stream().map(CouponService::view).toList();
    }

    private CouponView insert(NewCoupon coupon) {
        return CouponView.of(coupons.find(coupons.insert(coupon)).orElseThrow());
    }

    /**
     * Builds the new campaign's gate now, so the first rush is not refused while it is built. A failure only
     * defers it: the first issue request (or reconciliation) builds it then.
     */
    private void prepareGate(long couponId) {
        try {
            rebuilder.prepare(couponId);
        }
        catch (DataAccessException ex) {
            log.warn("Could not prepare the Redis gate of new coupon {}; it is built on first use", couponId, ex);
        }
    }

    private static UserCouponView view(IssuedCoupon coupon) {
        return new UserCouponView(coupon.id(), coupon.couponId(), coupon.name(), coupon.discountType(),
                coupon.discountValue(), coupon.status());
    }
}
