package io.shopsaga.balance.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.balance.domain.PaymentStatus;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The saga's payment steps: deduct and refund, each idempotent by order id, in any order of arrival. */
@ServiceIntegrationTest
class OrderPaymentTests {

    @Autowired
    BalanceService balances;

    long userId;
    long orderId;

    @BeforeEach
    void setUp() {
        userId = TestIds.next();
        orderId = TestIds.next();
        balances.charge(userId, 10_000, null);
    }

    @Test
    void deductsOnceAndRecordsAUseInTheHistory() {
        assertThat(balances.deductForOrder(orderId, userId, 3_000)).isEqualTo(new DeductOutcome.Deducted(orderId, 3_000));
        assertThat(balances.deductForOrder(orderId, userId, 3_000)).isEqualTo(new DeductOutcome.Deducted(orderId, 3_000));

        assertThat(balance()).isEqualTo(7_000);
        HistoryEntry use = balances.history(userId, 0, 1).content().getFirst();
        assertThat(use.type().name()).isEqualTo("USE");
        assertThat(use.orderId()).isEqualTo(orderId);
        assertThat(use.balanceAfter()).isEqualTo(7_000);
    }

    @Test
    void rejectsWhatTheBalanceDoesNotCoverAndTakesNothing() {
        DeductOutcome outcome = balances.deductForOrder(orderId, userId, 10_001);

        assertThat(outcome).isEqualTo(new DeductOutcome.Rejected(orderId, "INSUFFICIENT_BALANCE"));
        assertThat(balances.deductForOrder(orderId, userId, 10_001)).isEqualTo(outcome);
        assertThat(balance()).isEqualTo(10_000);
        assertThat(balances.history(userId, 0, 10).totalElements()).isEqualTo(1);
    }

    @Test
    void aUserWithoutAnAccountIsRejected() {
        long stranger = TestIds.next();

        assertThat(balances.deductForOrder(orderId, stranger, 1))
                .isEqualTo(new DeductOutcome.Rejected(orderId, "INSUFFICIENT_BALANCE"));
        assertThat(balances.balanceOf(stranger).balance()).isZero();
    }

    @Test
    void aFullyDiscountedOrderPaysZero() {
        assertThat(balances.deductForOrder(orderId, userId, 0)).isEqualTo(new DeductOutcome.Deducted(orderId, 0));
        assertThat(balance()).isEqualTo(10_000);
    }

    @Test
    void refundGivesBackExactlyOnce() {
        balances.deductForOrder(orderId, userId, 2_500);

        assertThat(balances.refundOrder(orderId, userId)).isEqualTo(new RefundOutcome(orderId, 2_500));
        assertThat(balances.refundOrder(orderId, userId)).isEqualTo(new RefundOutcome(orderId, 0));

        assertThat(balance()).isEqualTo(10_000);
        assertThat(balances.paymentOf(orderId)).get().extracting(p -> p.status()).isEqualTo(PaymentStatus.REFUNDED);
        HistoryEntry refund = balances.history(userId, 0, 1).content().getFirst();
        assertThat(refund.type().name()).isEqualTo("REFUND");
        assertThat(refund.amount()).isEqualTo(2_500);
        assertThat(refund.balanceAfter()).isEqualTo(10_000);
        assertThat(refund.orderId()).isEqualTo(orderId);
    }

    @Test
    void aRefundBeforeTheDeductFencesTheLateDeductOff() {
        assertThat(balances.refundOrder(orderId, userId)).isEqualTo(new RefundOutcome(orderId, 0));

        DeductOutcome late = balances.deductForOrder(orderId, userId, 4_000);

        assertThat(late).isInstanceOf(DeductOutcome.Rejected.class);
        assertThat(balance()).isEqualTo(10_000);
    }

    @Test
    void refundingARejectedPaymentGivesNothingBack() {
        balances.deductForOrder(orderId, userId, 50_000);

        assertThat(balances.refundOrder(orderId, userId)).isEqualTo(new RefundOutcome(orderId, 0));
        assertThat(balance()).isEqualTo(10_000);
    }

    @Test
    void aRefundMayTakeTheBalanceOverTheChargeLimit() {
        balances.deductForOrder(orderId, userId, 10_000);
        for (int i = 0; i < 100; i++) {
            balances.charge(userId, 10_000_000, null);
        }

        balances.refundOrder(orderId, userId);

        assertThat(balance()).isEqualTo(1_000_010_000L);
    }

    private long balance() {
        return balances.balanceOf(userId).balance();
    }
}
