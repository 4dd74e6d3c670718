package io.shopsaga.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTests {

    @ParameterizedTest
    @CsvSource({
            "3000, 10000, 3000",
            "3000,  3000, 3000",
            "3000,  2999, 2999",
            "3000,     0,    0",
            "   1,     1,    1"})
    void anAmountCouponTakesItsValueButNeverMoreThanTheTotal(long value, long total, long discount) {
        assertThat(DiscountType.AMOUNT.discountOn(value, total)).isEqualTo(discount);
    }

    @ParameterizedTest
    @CsvSource({
            " 10, 10000, 1000",
            " 15,  9999, 1499",
            " 33,   100,   33",
            "  1,    99,    0",
            "100, 12345, 12345",
            " 50,     1,    0",
            " 50,     0,    0"})
    void aPercentCouponTakesItsShareRoundedDown(long percent, long total, long discount) {
        assertThat(DiscountType.PERCENT.discountOn(percent, total)).isEqualTo(discount);
    }

    @Test
    void aCouponsDiscountFollowsItsTypeAndRefusesANegativeTotal() {
        Coupon coupon = new Coupon(1, "c", DiscountType.PERCENT, 20, 10, 0, null, null);

        assertThat(coupon.discountOn(10_005)).isEqualTo(2_001);
        assertThatThrownBy(() -> coupon.discountOn(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
