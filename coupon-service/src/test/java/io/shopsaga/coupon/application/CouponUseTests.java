package io.shopsaga.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.coupon.domain.CouponUseStatus;
import io.shopsaga.coupon.domain.IssuedCouponStatus;
import io.shopsaga.coupon.domain.NewCoupon;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The saga's coupon steps: use and restore, each idempotent by order id, in any order of arrival. */
@ServiceIntegrationTest
class CouponUseTests {

    @Autowired
    CouponService coupons;

    @Autowired
    IssuanceService issuance;

    @Autowired
    CouponUseService uses;

    long userId;
    long orderId;

    @BeforeEach
    void setUp() {
        userId = TestIds.next();
        orderId = TestIds.next();
    }

    @Test
    void usesTheUsersCouponOnceAndAnswersItsDiscountAgainOnARepeat() {
        long issued = issue(TestCoupons.amount(10));

        UseOutcome outcome = uses.use(orderId, userId, issued, 10_000);

        assertThat(outcome).isEqualTo(new UseOutcome.Used(orderId, issued, 3_000));
        assertThat(uses.use(orderId, userId, issued, 10_000)).isEqualTo(outcome);
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.USED);
        assertThat(uses.useOf(orderId)).get().extracting(u -> u.status()).isEqualTo(CouponUseStatus.USED);
    }

    @Test
    void theDiscountFollowsTheCouponsTerms() {
        long amount = issue(TestCoupons.amount(10));
        long percent = issue(TestCoupons.percent(15, 10));

        assertThat(uses.use(orderId, userId, amount, 2_000)).isEqualTo(new UseOutcome.Used(orderId, amount, 2_000));
        long another = TestIds.next();
        assertThat(uses.use(another, userId, percent, 9_999)).isEqualTo(new UseOutcome.Used(another, percent, 1_499));
    }

    @Test
    void aSecondOrderCannotUseAUsedCoupon() {
        long issued = issue(TestCoupons.amount(10));
        uses.use(orderId, userId, issued, 10_000);
        long secondOrder = TestIds.next();

        assertThat(uses.use(secondOrder, userId, issued, 10_000))
                .isEqualTo(new UseOutcome.Rejected(secondOrder, "COUPON_UNAVAILABLE"));
        assertThat(uses.use(secondOrder, userId, issued, 10_000))
                .isEqualTo(new UseOutcome.Rejected(secondOrder, "COUPON_UNAVAILABLE"));
    }

    @Test
    void anotherUsersCouponOrAnUnknownOneIsRejectedAndLeftAlone() {
        long issued = issue(TestCoupons.amount(10));
        long stranger = TestIds.next();
        long unknownOrder = TestIds.next();

        assertThat(uses.use(orderId, stranger, issued, 10_000))
                .isEqualTo(new UseOutcome.Rejected(orderId, "COUPON_UNAVAILABLE"));
        assertThat(uses.use(unknownOrder, userId, 9_000_000_000L + TestIds.next(), 10_000))
                .isEqualTo(new UseOutcome.Rejected(unknownOrder, "COUPON_UNAVAILABLE"));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    @Test
    void restoreGivesTheCouponBackExactlyOnce() {
        long issued = issue(TestCoupons.amount(10));
        uses.use(orderId, userId, issued, 10_000);

        assertThat(uses.restore(orderId)).isEqualTo(new RestoreOutcome(orderId, true));
        assertThat(uses.restore(orderId)).isEqualTo(new RestoreOutcome(orderId, false));

        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
        assertThat(uses.useOf(orderId)).get().extracting(u -> u.status()).isEqualTo(CouponUseStatus.RESTORED);
        long nextOrder = TestIds.next();
        assertThat(uses.use(nextOrder, userId, issued, 10_000)).isEqualTo(new UseOutcome.Used(nextOrder, issued, 3_000));
        assertThat(uses.restore(orderId)).isEqualTo(new RestoreOutcome(orderId, false));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.USED);
    }

    @Test
    void aRestoreBeforeTheUseFencesTheLateUseOff() {
        long issued = issue(TestCoupons.amount(10));

        assertThat(uses.restore(orderId)).isEqualTo(new RestoreOutcome(orderId, false));

        assertThat(uses.use(orderId, userId, issued, 10_000))
                .isEqualTo(new UseOutcome.Rejected(orderId, "COUPON_UNAVAILABLE"));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    @Test
    void restoringARejectedUseChangesNothing() {
        long issued = issue(TestCoupons.amount(10));
        long owner = TestIds.next();
        uses.use(orderId, owner, issued, 10_000);

        assertThat(uses.restore(orderId)).isEqualTo(new RestoreOutcome(orderId, false));
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    @Test
    void ordersRacingForOneCouponLeaveItUsedByExactlyOne() throws Exception {
        long issued = issue(TestCoupons.amount(10));
        List<Callable<UseOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long order = TestIds.next();
            racers.add(() -> uses.use(order, userId, issued, 10_000));
        }
        long sameOrder = TestIds.next();
        for (int i = 0; i < 10; i++) {
            racers.add(() -> uses.use(sameOrder, userId, issued, 10_000));
        }

        List<UseOutcome> outcomes = TestCoupons.runAll(racers, 30);

        List<UseOutcome> used = outcomes.stream().filter(o -> o instanceof UseOutcome.Used).toList();
        assertThat(used.stream().map(UseOutcome::orderId).distinct()).hasSize(1);
        assertThat(used).allSatisfy(o -> assertThat(((UseOutcome.Used) o).discount()).isEqualTo(3_000));
        if (used.getFirst().orderId() == sameOrder) {
            assertThat(used).hasSize(10);
        }
        else {
            assertThat(used).hasSize(1);
        }
    }

    @Test
    void theSameUseAndThenTheSameRestoreDeliveredConcurrentlyActOnce() throws Exception {
        long issued = issue(TestCoupons.amount(10));
        List<Callable<UseOutcome>> useDeliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            useDeliveries.add(() -> uses.use(orderId, userId, issued, 10_000));
        }
        assertThat(TestCoupons.runAll(useDeliveries, 20)).containsOnly(new UseOutcome.Used(orderId, issued, 3_000));

        List<Callable<RestoreOutcome>> restoreDeliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            restoreDeliveries.add(() -> uses.restore(orderId));
        }
        List<RestoreOutcome> restores = TestCoupons.runAll(restoreDeliveries, 20);

        assertThat(restores).filteredOn(RestoreOutcome::restored).hasSize(1);
        assertThat(statusOf(issued)).isEqualTo(IssuedCouponStatus.AVAILABLE);
    }

    private long issue(NewCoupon terms) {
        long couponId = TestCoupons.create(coupons, terms).id();
        return issuance.issue(couponId, userId, null).issuedCouponId();
    }

    private IssuedCouponStatus statusOf(long issuedCouponId) {
        return coupons.couponsOf(userId).stream().filter(c -> c.issuedCouponId() == issuedCouponId).findFirst()
                .orElseThrow().status();
    }
}
