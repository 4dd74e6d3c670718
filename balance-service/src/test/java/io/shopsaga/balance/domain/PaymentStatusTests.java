package io.shopsaga.balance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaymentStatusTests {

    @Test
    void onlyADeductedPaymentGivesMoneyBackAndBecomesRefunded() {
        assertThat(PaymentStatus.DEDUCTED.refundGivesMoneyBack()).isTrue();
        assertThat(PaymentStatus.DEDUCTED.afterRefund()).isEqualTo(PaymentStatus.REFUNDED);
        for (PaymentStatus other : new PaymentStatus[] {PaymentStatus.REJECTED, PaymentStatus.REFUNDED,
                PaymentStatus.CANCELLED}) {
            assertThat(other.refundGivesMoneyBack()).as(other.name()).isFalse();
            assertThat(other.afterRefund()).as(other.name()).isEqualTo(other);
        }
    }

    @Test
    void refusesToRefundAnotherUsersPayment() {
        OrderPayment payment = new OrderPayment(10, 1, 500, PaymentStatus.DEDUCTED);

        assertThat(payment.refund(1).status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThatThrownBy(() -> payment.refund(2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesChargesOutsideTheContractBounds() {
        BalanceRules.requireValidCharge(BalanceRules.MIN_CHARGE);
        BalanceRules.requireValidCharge(BalanceRules.MAX_CHARGE);
        assertThatThrownBy(() -> BalanceRules.requireValidCharge(0)).hasMessageContaining("amount");
        assertThatThrownBy(() -> BalanceRules.requireValidCharge(BalanceRules.MAX_CHARGE + 1))
                .hasMessageContaining("amount");
    }
}
