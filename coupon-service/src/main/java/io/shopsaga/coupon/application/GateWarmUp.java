package io.shopsaga.coupon.application;

import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.persistence.CouponRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, builds the Redis gate of every campaign still issuing whose state is missing (Redis restarted
 * empty while the service was down), so the first requests find it ready. Best effort: a campaign whose
 * rebuild fails here is rebuilt on its first issue request or by the next reconciliation.
 */
@Component
@Order(2)
public class GateWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GateWarmUp.class);

    private final CouponRepository coupons;
    private final GateRebuilder rebuilder;
    private final Clock clock;

    public GateWarmUp(CouponRepository coupons, GateRebuilder rebuilder, Clock clock) {
        this.coupons = coupons;
        this.rebuilder = rebuilder;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Coupon coupon : coupons.findNotEndedAt(clock.instant())) {
            try {
                rebuilder.rebuild(coupon.id(), false);
            }
            catch (RuntimeException ex) {
                log.warn("Could not prepare the Redis gate of coupon {} at start-up; it is built on first use",
                        coupon.id(), ex);
            }
        }
    }
}
