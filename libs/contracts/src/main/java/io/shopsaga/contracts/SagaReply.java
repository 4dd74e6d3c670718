package io.shopsaga.contracts;

/**
 * A participant's answer to one {@link SagaCommand}, on its reply topic. {@link #outcome()} says whether the
 * step happened; a REJECTED reply carries the business {@link #code()} (e.g. {@code OUT_OF_STOCK}) and means
 * the participant changed nothing. Compensation replies are always SUCCEEDED: compensations cannot be refused.
 */
public sealed interface SagaReply extends SagaMessage
        permits ReserveStockReply, ReleaseStockReply, UseCouponReply, RestoreCouponReply, DeductBalanceReply,
        RefundBalanceReply {

    ReplyOutcome outcome();

    /** Why the step was refused; {@code null} when it SUCCEEDED. */
    String code();

    /** The reply's step succeeded. */
    default boolean succeeded() {
        return outcome() == ReplyOutcome.SUCCEEDED;
    }
}
