package io.shopsaga.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.DeductBalanceReply;
import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.RefundBalance;
import io.shopsaga.contracts.RefundBalanceReply;
import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.RestoreCoupon;
import io.shopsaga.contracts.RestoreCouponReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.UseCoupon;
import io.shopsaga.contracts.UseCouponReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The saga's steps in the shape command → reply → next command / compensation, for every path. */
class OrderSagaTests {

    static final long ORDER = 900;
    static final long USER = 1;
    static final long COUPON = 55;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    Instant now = T0;

    Order order(Long couponId) {
        Order order = Order.place(USER, List.of(new OrderLine(3, "Mug", 12_000, 2), new OrderLine(4, "Pen", 1_000, 1)),
                couponId, time());
        order.assignId(ORDER);
        return order;
    }

    SagaTime time() {
        return new SagaTime(now, TIMEOUT);
    }

    List<SagaMessage> reply(Order order, SagaReply reply) {
        SagaTransition transition = order.onReply(reply, time());
        assertThat(transition.changed()).isTrue();
        return transition.messages();
    }

    void ignores(Order order, SagaReply reply) {
        SagaState before = order.state();
        SagaTransition transition = order.onReply(reply, time());
        assertThat(transition.changed()).isFalse();
        assertThat(transition.messages()).isEmpty();
        assertThat(order.state()).isEqualTo(before);
    }

    List<SagaMessage> timeOut(Order order) {
        now = order.stepDeadline();
        SagaTransition transition = order.onDeadline(time());
        assertThat(transition.changed()).isTrue();
        return transition.messages();
    }

    static ReserveStockReply reserved() {
        return new ReserveStockReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null, null);
    }

    static ReserveStockReply outOfStock() {
        return new ReserveStockReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.REJECTED, "OUT_OF_STOCK", 3L);
    }

    static UseCouponReply couponUsed(long discount) {
        return new UseCouponReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null, discount);
    }

    static UseCouponReply couponUnavailable() {
        return new UseCouponReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.REJECTED, "COUPON_UNAVAILABLE", 0);
    }

    static DeductBalanceReply deducted(long amount) {
        return new DeductBalanceReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null, amount);
    }

    static DeductBalanceReply insufficient() {
        return new DeductBalanceReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.REJECTED, "INSUFFICIENT_BALANCE", 0);
    }

    static RefundBalanceReply refunded() {
        return new RefundBalanceReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null, 0);
    }

    static RestoreCouponReply restored() {
        return new RestoreCouponReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null);
    }

    static ReleaseStockReply released() {
        return new ReleaseStockReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.SUCCEEDED, null);
    }

    @Test
    void startsByReservingEveryLine() {
        Order order = order(null);

        assertThat(order.start(now)).isInstanceOfSatisfying(ReserveStock.class, cmd -> {
            assertThat(cmd.orderId()).isEqualTo(ORDER);
            assertThat(cmd.items()).containsExactly(new ReserveStock.Item(3, 2), new ReserveStock.Item(4, 1));
        });
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.totalAmount()).isEqualTo(25_000);
        assertThat(order.stepDeadline()).isEqualTo(T0.plus(TIMEOUT));
    }

    @Nested
    class Success {

        @Test
        void withoutACouponGoesFromStockStraightToTheBalanceAndCompletes() {
            Order order = order(null);

            assertThat(reply(order, reserved())).singleElement().isInstanceOfSatisfying(DeductBalance.class, cmd -> {
                assertThat(cmd.amount()).isEqualTo(25_000);
                assertThat(cmd.userId()).isEqualTo(USER);
            });
            assertThat(order.state()).isEqualTo(SagaState.DEDUCTING_BALANCE);

            assertThat(reply(order, deducted(25_000))).singleElement().isInstanceOfSatisfying(OrderCompleted.class,
                    event -> {
                        assertThat(event.paidAmount()).isEqualTo(25_000);
                        assertThat(event.discountAmount()).isZero();
                        assertThat(event.issuedCouponId()).isNull();
                        assertThat(event.items()).hasSize(2);
                    });
            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(order.completedAt()).isEqualTo(now);
            assertThat(order.stepDeadline()).isNull();
        }

        @Test
        void withACouponUsesItAndPaysTheTotalMinusTheDiscount() {
            Order order = order(COUPON);

            assertThat(reply(order, reserved())).singleElement().isInstanceOfSatisfying(UseCoupon.class, cmd -> {
                assertThat(cmd.issuedCouponId()).isEqualTo(COUPON);
                assertThat(cmd.totalAmount()).isEqualTo(25_000);
            });
            assertThat(reply(order, couponUsed(3_000))).singleElement().isInstanceOfSatisfying(DeductBalance.class,
                    cmd -> assertThat(cmd.amount()).isEqualTo(22_000));
            assertThat(reply(order, deducted(22_000))).singleElement().isInstanceOfSatisfying(OrderCompleted.class,
                    event -> {
                        assertThat(event.discountAmount()).isEqualTo(3_000);
                        assertThat(event.paidAmount()).isEqualTo(22_000);
                        assertThat(event.issuedCouponId()).isEqualTo(COUPON);
                    });
            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        }

        @Test
        void aDiscountAboveTheTotalMakesTheOrderFreeNotNegative() {
            Order order = order(COUPON);
            reply(order, reserved());

            assertThat(reply(order, couponUsed(99_000))).singleElement().isInstanceOfSatisfying(DeductBalance.class,
                    cmd -> assertThat(cmd.amount()).isZero());
            assertThat(order.discountAmount()).isEqualTo(25_000);
            assertThat(order.paidAmount()).isZero();
        }
    }

    @Nested
    class Refusals {

        @Test
        void outOfStockFailsAtOnceWithNothingToCompensate() {
            Order order = order(COUPON);

            assertThat(reply(order, outOfStock())).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order.failureCode()).isEqualTo("OUT_OF_STOCK");
            assertThat(order.stepDeadline()).isNull();
        }

        @Test
        void anUnavailableCouponReleasesTheStockThenFails() {
            Order order = order(COUPON);
            reply(order, reserved());

            assertThat(reply(order, couponUnavailable())).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(order.state()).isEqualTo(SagaState.RELEASING_STOCK);
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

            assertThat(reply(order, released())).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order.failureCode()).isEqualTo("COUPON_UNAVAILABLE");
        }

        @Test
        void anInsufficientBalanceRestoresTheCouponThenReleasesTheStock() {
            Order order = order(COUPON);
            reply(order, reserved());
            reply(order, couponUsed(3_000));

            assertThat(reply(order, insufficient())).singleElement().isInstanceOf(RestoreCoupon.class);
            assertThat(reply(order, restored())).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(reply(order, released())).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order.failureCode()).isEqualTo("INSUFFICIENT_BALANCE");
        }

        @Test
        void anInsufficientBalanceWithoutACouponReleasesTheStock() {
            Order order = order(null);
            reply(order, reserved());

            assertThat(reply(order, insufficient())).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(reply(order, released())).isEmpty();
            assertThat(order.failureCode()).isEqualTo("INSUFFICIENT_BALANCE");
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        }

        @Test
        void aRefusalWithoutACodeStillFailsWithOne() {
            Order order = order(null);

            reply(order, new ReserveStockReply(UUID.randomUUID(), ORDER, T0, ReplyOutcome.REJECTED, null, null));
            assertThat(order.failureCode()).isEqualTo(OrderRules.STEP_REJECTED);
        }
    }

    @Nested
    class Timeouts {

        @Test
        void nothingHappensBeforeTheDeadline() {
            Order order = order(null);
            now = T0.plus(TIMEOUT).minusMillis(1);

            assertThat(order.onDeadline(time()).changed()).isFalse();
            assertThat(order.state()).isEqualTo(SagaState.RESERVING_STOCK);
        }

        @Test
        void aSilentStockStepIsReleasedAndTheOrderFailsWithSagaTimeout() {
            Order order = order(COUPON);

            assertThat(timeOut(order)).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(order.state()).isEqualTo(SagaState.RELEASING_STOCK);
            assertThat(reply(order, released())).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order.failureCode()).isEqualTo(OrderRules.SAGA_TIMEOUT);
        }

        @Test
        void aSilentCouponStepIsRestoredThenTheStockReleased() {
            Order order = order(COUPON);
            reply(order, reserved());

            assertThat(timeOut(order)).singleElement().isInstanceOf(RestoreCoupon.class);
            assertThat(reply(order, restored())).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(reply(order, released())).isEmpty();
            assertThat(order.failureCode()).isEqualTo(OrderRules.SAGA_TIMEOUT);
        }

        @Test
        void aSilentBalanceStepIsRefundedThenEverythingBeforeItUndone() {
            Order order = order(COUPON);
            reply(order, reserved());
            reply(order, couponUsed(1_000));

            assertThat(timeOut(order)).singleElement().isInstanceOfSatisfying(RefundBalance.class,
                    cmd -> assertThat(cmd.userId()).isEqualTo(USER));
            assertThat(reply(order, refunded())).singleElement().isInstanceOf(RestoreCoupon.class);
            assertThat(reply(order, restored())).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(reply(order, released())).isEmpty();
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
            assertThat(order.failureCode()).isEqualTo(OrderRules.SAGA_TIMEOUT);
        }

        @Test
        void anUnansweredCompensationIsSentAgainUntilItIsAnswered() {
            Order order = order(null);
            reply(order, reserved());
            reply(order, insufficient());

            assertThat(timeOut(order)).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(timeOut(order)).singleElement().isInstanceOf(ReleaseStock.class);
            assertThat(order.stepAttempts()).isEqualTo(3);
            assertThat(order.state()).isEqualTo(SagaState.RELEASING_STOCK);
            assertThat(order.failureCode()).isEqualTo("INSUFFICIENT_BALANCE");

            reply(order, released());
            assertThat(order.status()).isEqualTo(OrderStatus.FAILED);
        }

        @Test
        void anEndedSagaHasNoDeadline() {
            Order order = order(null);
            reply(order, outOfStock());
            now = T0.plus(Duration.ofDays(1));

            assertThat(order.onDeadline(time()).changed()).isFalse();
        }
    }

    @Nested
    class LateAndDuplicateReplies {

        @Test
        void aLateReplyAfterATimeoutChangesNothing() {
            Order order = order(COUPON);
            reply(order, reserved());
            timeOut(order);

            ignores(order, couponUsed(3_000));
            reply(order, restored());
            reply(order, released());
            ignores(order, couponUsed(3_000));
            assertThat(order.failureCode()).isEqualTo(OrderRules.SAGA_TIMEOUT);
            assertThat(order.discountAmount()).isZero();
        }

        @Test
        void aDuplicateReplyIsAppliedOnce() {
            Order order = order(null);
            reply(order, reserved());

            ignores(order, reserved());
            reply(order, deducted(25_000));
            ignores(order, deducted(25_000));
            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        }

        @Test
        void anotherStepsReplyOrAnotherOrdersReplyIsIgnored() {
            Order order = order(COUPON);

            ignores(order, deducted(25_000));
            ignores(order, new ReserveStockReply(UUID.randomUUID(), ORDER + 1, T0, ReplyOutcome.SUCCEEDED, null, null));
            assertThat(order.state()).isEqualTo(SagaState.RESERVING_STOCK);
        }

        @Test
        void aCompletedOrderCannotBeStartedAgain() {
            Order order = order(null);
            reply(order, reserved());
            reply(order, deducted(25_000));

            assertThatThrownBy(() -> order.start(now)).isInstanceOf(IllegalSagaTransitionException.class);
            ignores(order, insufficient());
        }
    }
}
