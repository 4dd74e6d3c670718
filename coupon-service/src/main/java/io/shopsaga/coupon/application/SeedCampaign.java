package io.shopsaga.coupon.application;

import io.shopsaga.coupon.config.CouponProperties;
import io.shopsaga.coupon.domain.DiscountType;
import io.shopsaga.coupon.domain.NewCoupon;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * For local runs: creates one campaign at start-up when {@code shopsaga.coupon.seed=true} (env
 * {@code SHOPSAGA_SEED}) and no campaign exists yet. Off by default.
 */
@Component
@Order(1)
public class SeedCampaign implements ApplicationRunner {

    /** The campaign a local stack starts with. */
    public static final NewCoupon SEED = new NewCoupon("Welcome coupon: 3,000 KRW off", DiscountType.AMOUNT, 3_000,
            100, null, null);

    private static final Logger log = LoggerFactory.getLogger(SeedCampaign.class);

    private final boolean enabled;
    private final CouponService coupons;

    public SeedCampaign(CouponProperties properties, CouponService coupons) {
        this.enabled = properties.seed();
        this.coupons = coupons;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfWanted();
    }

    /** The seed campaign if this call created it; empty when seeding is off or a campaign already exists. */
    public Optional<CouponView> seedIfWanted() {
        if (!enabled) {
            return Optional.empty();
        }
        Optional<CouponView> seeded = coupons.createIfNone(SEED);
        seeded.ifPresent(view -> log.info("Seeded coupon campaign {} ({} coupons)", view.id(), view.totalQuantity()));
        return seeded;
    }
}
