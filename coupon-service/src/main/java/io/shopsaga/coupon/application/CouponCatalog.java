package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.domain.CouponRules;
import io.shopsaga.coupon.persistence.CouponRepository;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * A campaign's terms (name, discount, total, window) kept in memory once read, so a flood of issue requests
 * costs MySQL nothing until a grant is made. Terms never change after creation; the counts of the cached
 * {@link Coupon} do, so callers read only its terms.
 */
@Component
public class CouponCatalog {

    private final CouponRepository coupons;
    private final ConcurrentMap<Long, Coupon> terms = new ConcurrentHashMap<>();

    public CouponCatalog(CouponRepository coupons) {
        this.coupons = coupons;
    }

    /** The campaign's terms, or 404 COUPON_NOT_FOUND. */
    public Coupon termsOf(long couponId) {
        Coupon cached = terms.get(couponId);
        if (cached != null) {
            return cached;
        }
        Coupon loaded = coupons.find(couponId).orElseThrow(() -> CouponRules.notFound(couponId));
        Coupon raced = terms.putIfAbsent(couponId, loaded);
        return raced != null ? raced : loaded;
    }
}
