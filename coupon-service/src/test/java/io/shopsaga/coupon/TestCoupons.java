package io.shopsaga.coupon;

import io.shopsaga.coupon.application.CouponService;
import io.shopsaga.coupon.application.CouponView;
import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.NewCoupon;
import io.shopsaga.testsupport.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Test data: campaigns with sensible defaults, and a way to run many calls at once. */
public final class TestCoupons {

    private TestCoupons() {
    }

    /** An AMOUNT campaign of 3,000 KRW, open now and for ever. */
    public static NewCoupon amount(int quantity) {
        return new NewCoupon("Coupon " + TestIds.next(), DiscountType.AMOUNT, 3_000, quantity, null, null);
    }

    public static NewCoupon percent(long percent, int quantity) {
        return new NewCoupon("Coupon " + TestIds.next(), DiscountType.PERCENT, percent, quantity, null, null);
    }

    public static NewCoupon window(Instant startsAt, Instant endsAt) {
        return new NewCoupon("Coupon " + TestIds.next(), DiscountType.AMOUNT, 1_000, 10, startsAt, endsAt);
    }

    public static CouponView create(CouponService coupons, NewCoupon coupon) {
        return coupons.create(coupon, null);
    }

    /** The JSON of a new campaign for the API. */
    public static String json(String discountType, long discountValue, int totalQuantity) {
        return "{\"name\":\"Coupon " + TestIds.next() + "\",\"discountType\":\"" + discountType
                + "\",\"discountValue\":" + discountValue + ",\"totalQuantity\":" + totalQuantity + "}";
    }

    public static <T> List<T> runAll(List<Callable<T>> tasks, int threads) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
