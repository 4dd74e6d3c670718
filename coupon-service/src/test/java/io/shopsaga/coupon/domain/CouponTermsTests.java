package io.shopsaga.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.defaults.error.BusinessException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTermsTests {

    private static final Instant NOON = Instant.parse("2026-11-24T03:00:00Z");

    @Test
    void acceptsTheContractsBounds() {
        new NewCoupon("a", DiscountType.PERCENT, 1, 1, null, null);
        new NewCoupon("a", DiscountType.PERCENT, 100, 1_000_000, null, null);
        new NewCoupon("a".repeat(100), DiscountType.AMOUNT, 1, 1, NOON, NOON.plusSeconds(1));
    }

    @Test
    void refusesTermsOutsideTheContractNamingTheField() {
        assertInvalid(() -> new NewCoupon("a", DiscountType.PERCENT, 101, 1, null, null), "discountValue");
        assertInvalid(() -> new NewCoupon("a", DiscountType.PERCENT, 0, 1, null, null), "discountValue");
        assertInvalid(() -> new NewCoupon("a", DiscountType.AMOUNT, 0, 1, null, null), "discountValue");
        assertInvalid(() -> new NewCoupon("a", DiscountType.AMOUNT, 1, 0, null, null), "totalQuantity");
        assertInvalid(() -> new NewCoupon("a", DiscountType.AMOUNT, 1, 1_000_001, null, null), "totalQuantity");
        assertInvalid(() -> new NewCoupon(" ", DiscountType.AMOUNT, 1, 1, null, null), "name");
        assertInvalid(() -> new NewCoupon("a".repeat(101), DiscountType.AMOUNT, 1, 1, null, null), "name");
        assertInvalid(() -> new NewCoupon("a", null, 1, 1, null, null), "discountType");
        assertInvalid(() -> new NewCoupon("a", DiscountType.AMOUNT, 1, 1, NOON, NOON), "issueEndsAt");
        assertInvalid(() -> new NewCoupon("a", DiscountType.AMOUNT, 1, 1, NOON, NOON.minusSeconds(1)), "issueEndsAt");
    }

    @Test
    void isOpenFromItsStartUntilJustBeforeItsEnd() {
        Coupon windowed = coupon(NOON, NOON.plusSeconds(60));

        assertThat(windowed.isOpenAt(NOON.minusMillis(1))).isFalse();
        assertThat(windowed.isOpenAt(NOON)).isTrue();
        assertThat(windowed.isOpenAt(NOON.plusSeconds(59))).isTrue();
        assertThat(windowed.isOpenAt(NOON.plusSeconds(60))).isFalse();
        assertThat(coupon(null, null).isOpenAt(NOON)).isTrue();
        assertThat(coupon(null, NOON).isOpenAt(NOON.minusSeconds(1))).isTrue();
        assertThat(coupon(NOON, null).isOpenAt(NOON.plusSeconds(86_400L * 365 * 50))).isTrue();
    }

    @Test
    void remainingIsWhatIsNotIssued() {
        assertThat(new Coupon(1, "c", DiscountType.AMOUNT, 1, 100, 37, null, null).remainingQuantity()).isEqualTo(63);
    }

    @Test
    void onlyAUsedCouponIsGivenBackByARestore() {
        assertThat(CouponUseStatus.USED.restoreGivesCouponBack()).isTrue();
        assertThat(CouponUseStatus.USED.afterRestore()).isEqualTo(CouponUseStatus.RESTORED);
        for (CouponUseStatus other : new CouponUseStatus[] {CouponUseStatus.REJECTED, CouponUseStatus.RESTORED,
                CouponUseStatus.CANCELLED}) {
            assertThat(other.restoreGivesCouponBack()).as(other.name()).isFalse();
            assertThat(other.afterRestore()).as(other.name()).isEqualTo(other);
        }
        assertThat(new CouponUse(9, 5L, 1L, CouponUseStatus.USED, 300).restore())
                .isEqualTo(new CouponUse(9, 5L, 1L, CouponUseStatus.RESTORED, 300));
    }

    @Test
    void aRepeatedUseAnswersUsedOnlyIfTheFirstUsedTheCoupon() {
        assertThat(CouponUseStatus.USED.answersUsed()).isTrue();
        assertThat(CouponUseStatus.RESTORED.answersUsed()).isTrue();
        assertThat(CouponUseStatus.REJECTED.answersUsed()).isFalse();
        assertThat(CouponUseStatus.CANCELLED.answersUsed()).isFalse();
    }

    private static Coupon coupon(Instant startsAt, Instant endsAt) {
        return new Coupon(1, "c", DiscountType.AMOUNT, 1_000, 10, 0, startsAt, endsAt);
    }

    private static void assertInvalid(Runnable creation, String field) {
        assertThatThrownBy(creation::run)
                .isInstanceOfSatisfying(BusinessException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(ex.kind()).isEqualTo(BusinessException.Kind.INVALID);
                })
                .hasMessageContaining(field);
    }
}
