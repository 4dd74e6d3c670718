package io.shopsaga.order.domain;

import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.RefundBalance;
import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.RestoreCoupon;
import io.shopsaga.contracts.SagaCommand;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.UseCoupon;
import io.shopsaga.contracts.UseCouponReply;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order and its saga: reserve stock → use the coupon (if any) → deduct the balance → COMPLETED.
 *
 * <p>A refusal compensates the steps already done, in reverse (refund, restore the coupon, release stock), then
 * the order is FAILED with the refusal's code. A step without a reply by its deadline is treated as possibly done:
 * it is compensated too (the participants fence a late command off), and the order FAILS with
 * {@link OrderRules#SAGA_TIMEOUT}. A compensation is sent again at every deadline until it is answered.
 * A reply the current state does not wait for (duplicate, late, another step's) changes nothing.
 */
public final class Order {

    private Long id;
    private final long userId;
    private final List<OrderLine> lines;
    private final Long issuedCouponId;
    private final long totalAmount;
    private final Instant createdAt;
    private long discountAmount;
    private SagaState state;
    private String failureCode;
    private Instant completedAt;
    private Instant stepDeadline;
    private int stepAttempts;

    private Order(Long id, long userId, List<OrderLine> lines, Long issuedCouponId, long totalAmount,
            Instant createdAt, long discountAmount, SagaState state, String failureCode, Instant completedAt,
            Instant stepDeadline, int stepAttempts) {
        this.id = id;
        this.userId = userId;
        this.lines = List.copyOf(lines);
        this.issuedCouponId = issuedCouponId;
        this.totalAmount = totalAmount;
        this.createdAt = createdAt;
        this.discountAmount = discountAmount;
        this.state = state;
        this.failureCode = failureCode;
        this.completedAt = completedAt;
        this.stepDeadline = stepDeadline;
        this.stepAttempts = stepAttempts;
    }

    /** A new order whose saga starts by reserving stock; it gets its id when stored ({@link #assignId}). */
    public static Order place(long userId, List<OrderLine> lines, Long issuedCouponId, SagaTime time) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        long total = lines.stream().mapToLong(OrderLine::amount).reduce(0, Math::addExact);
        return new Order(null, userId, lines, issuedCouponId, total, time.now(), 0, SagaState.RESERVING_STOCK, null,
                null, time.deadline(), 1);
    }

    /** An order as it was stored. */
    public static Order restore(long id, long userId, List<OrderLine> lines, Long issuedCouponId, long totalAmount,
            Instant createdAt, long discountAmount, SagaState state, String failureCode, Instant completedAt,
            Instant stepDeadline, int stepAttempts) {
        return new Order(id, userId, lines, issuedCouponId, totalAmount, createdAt, discountAmount, state,
                failureCode, completedAt, stepDeadline, stepAttempts);
    }

    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("Order " + this.id + " already has an id");
        }
        this.id = id;
    }

    /** The saga's first command, stored with the new order. */
    public SagaCommand start(Instant now) {
        if (state != SagaState.RESERVING_STOCK || stepAttempts != 1) {
            throw new IllegalSagaTransitionException(id(), state, "start");
        }
        return reserveStock(now);
    }

    /** Applies a participant's reply: the next step, a compensation, completion, or (not awaited) nothing. */
    public SagaTransition onReply(SagaReply reply, SagaTime time) {
        if (reply.orderId() != id() || !state.awaits(reply)) {
            return SagaTransition.ignored();
        }
        Instant now = time.now();
        return switch (state) {
            case RESERVING_STOCK -> {
                if (!reply.succeeded()) {
                    // Nothing was taken: there is nothing to compensate.
                    failureCode = codeOf(reply);
                    yield fail();
                }
                yield hasCoupon() ? moveTo(SagaState.USING_COUPON, time, useCoupon(now))
                        : moveTo(SagaState.DEDUCTING_BALANCE, time, deductBalance(now));
            }
            case USING_COUPON -> {
                if (!reply.succeeded()) {
                    failureCode = codeOf(reply);
                    yield moveTo(SagaState.RELEASING_STOCK, time, releaseStock(now));
                }
                long discount = ((UseCouponReply) reply).discountAmount();
                discountAmount = Math.max(0, Math.min(discount, totalAmount));
                yield moveTo(SagaState.DEDUCTING_BALANCE, time, deductBalance(now));
            }
            case DEDUCTING_BALANCE -> {
                if (!reply.succeeded()) {
                    failureCode = codeOf(reply);
                    yield compensateBelowBalance(time);
                }
                yield complete(now);
            }
            case REFUNDING_BALANCE -> compensateBelowBalance(time);
            case RESTORING_COUPON -> moveTo(SagaState.RELEASING_STOCK, time, releaseStock(now));
            case RELEASING_STOCK -> fail();
            case COMPLETED, FAILED -> SagaTransition.ignored();
        };
    }

    /**
     * The current step's deadline passed without its reply. A forward step is compensated, itself included (its
     * command may still land; the compensation fences it off), and the order will FAIL with SAGA_TIMEOUT; a
     * compensation is sent again.
     */
    public SagaTransition onDeadline(SagaTime time) {
        if (state.terminal() || stepDeadline == null || time.now().isBefore(stepDeadline)) {
            return SagaTransition.ignored();
        }
        Instant now = time.now();
        if (state.compensating()) {
            stepAttempts++;
            stepDeadline = time.deadline();
            return SagaTransition.to(compensationOf(state, now));
        }
        failureCode = OrderRules.SAGA_TIMEOUT;
        return switch (state) {
            case RESERVING_STOCK -> moveTo(SagaState.RELEASING_STOCK, time, releaseStock(now));
            case USING_COUPON -> moveTo(SagaState.RESTORING_COUPON, time, restoreCoupon(now));
            case DEDUCTING_BALANCE -> moveTo(SagaState.REFUNDING_BALANCE, time, refundBalance(now));
            default -> throw new IllegalSagaTransitionException(id(), state, "time out");
        };
    }

    private SagaTransition compensateBelowBalance(SagaTime time) {
        return hasCoupon() ? moveTo(SagaState.RESTORING_COUPON, time, restoreCoupon(time.now()))
                : moveTo(SagaState.RELEASING_STOCK, time, releaseStock(time.now()));
    }

    private SagaTransition moveTo(SagaState next, SagaTime time, SagaCommand command) {
        state = next;
        stepDeadline = time.deadline();
        stepAttempts = 1;
        return SagaTransition.to(command);
    }

    private SagaTransition complete(Instant now) {
        if (state != SagaState.DEDUCTING_BALANCE) {
            throw new IllegalSagaTransitionException(id(), state, "complete");
        }
        state = SagaState.COMPLETED;
        completedAt = now;
        stepDeadline = null;
        return SagaTransition.to(new OrderCompleted(UUID.randomUUID(), id(), now, userId,
                lines.stream().map(l -> new OrderCompleted.Line(l.productId(), l.name(), l.unitPrice(), l.quantity()))
                        .toList(),
                totalAmount, discountAmount, paidAmount(), issuedCouponId));
    }

    private SagaTransition fail() {
        if (state != SagaState.RESERVING_STOCK && state != SagaState.RELEASING_STOCK) {
            throw new IllegalSagaTransitionException(id(), state, "fail before its stock is released");
        }
        state = SagaState.FAILED;
        stepDeadline = null;
        return new SagaTransition(true, List.of());
    }

    private SagaCommand compensationOf(SagaState compensating, Instant now) {
        return switch (compensating) {
            case REFUNDING_BALANCE -> refundBalance(now);
            case RESTORING_COUPON -> restoreCoupon(now);
            case RELEASING_STOCK -> releaseStock(now);
            default -> throw new IllegalSagaTransitionException(id(), compensating, "compensate");
        };
    }

    private static String codeOf(SagaReply reply) {
        return reply.code() == null || reply.code().isBlank() ? OrderRules.STEP_REJECTED : reply.code();
    }

    private ReserveStock reserveStock(Instant now) {
        return new ReserveStock(UUID.randomUUID(), id(), now,
                lines.stream().map(l -> new ReserveStock.Item(l.productId(), l.quantity())).toList());
    }

    private UseCoupon useCoupon(Instant now) {
        return new UseCoupon(UUID.randomUUID(), id(), now, userId, issuedCouponId, totalAmount);
    }

    private DeductBalance deductBalance(Instant now) {
        return new DeductBalance(UUID.randomUUID(), id(), now, userId, paidAmount());
    }

    private ReleaseStock releaseStock(Instant now) {
        return new ReleaseStock(UUID.randomUUID(), id(), now);
    }

    private RestoreCoupon restoreCoupon(Instant now) {
        return new RestoreCoupon(UUID.randomUUID(), id(), now);
    }

    private RefundBalance refundBalance(Instant now) {
        return new RefundBalance(UUID.randomUUID(), id(), now, userId);
    }

    public boolean hasCoupon() {
        return issuedCouponId != null;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("The order has no id yet");
        }
        return id;
    }

    public long userId() {
        return userId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Long issuedCouponId() {
        return issuedCouponId;
    }

    public long totalAmount() {
        return totalAmount;
    }

    public long discountAmount() {
        return discountAmount;
    }

    /** What the balance pays: total minus discount, never below 0. */
    public long paidAmount() {
        return Math.max(0, totalAmount - discountAmount);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public SagaState state() {
        return state;
    }

    public OrderStatus status() {
        return state.orderStatus();
    }

    /** Why the saga failed (set as soon as it starts compensating); null while it has not. */
    public String failureCode() {
        return failureCode;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant stepDeadline() {
        return stepDeadline;
    }

    public int stepAttempts() {
        return stepAttempts;
    }
}
