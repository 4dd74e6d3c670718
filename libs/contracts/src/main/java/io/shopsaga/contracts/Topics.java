package io.shopsaga.contracts;

import java.util.List;

/**
 * Every Kafka topic of the system, named {@code <domain>.<kind>.v<n>} and keyed by order id so one
 * order's messages stay in order. Dead letters go to {@code <topic>.dlt}.
 */
public final class Topics {

    public static final String STOCK_COMMANDS = "stock.commands.v1";
    public static final String STOCK_REPLIES = "stock.replies.v1";
    public static final String COUPON_COMMANDS = "coupon.commands.v1";
    public static final String COUPON_REPLIES = "coupon.replies.v1";
    public static final String BALANCE_COMMANDS = "balance.commands.v1";
    public static final String BALANCE_REPLIES = "balance.replies.v1";
    public static final String ORDER_EVENTS = "order.events.v1";

    /** All topics, for creating them up front. */
    public static final List<String> ALL = List.of(STOCK_COMMANDS, STOCK_REPLIES, COUPON_COMMANDS, COUPON_REPLIES,
            BALANCE_COMMANDS, BALANCE_REPLIES, ORDER_EVENTS);

    private Topics() {
    }

    /** The topic a message of the contract travels on: commands to their participant, replies back, events out. */
    public static String of(SagaMessage message) {
        return switch (message) {
            case ReserveStock m -> STOCK_COMMANDS;
            case ReleaseStock m -> STOCK_COMMANDS;
            case UseCoupon m -> COUPON_COMMANDS;
            case RestoreCoupon m -> COUPON_COMMANDS;
            case DeductBalance m -> BALANCE_COMMANDS;
            case RefundBalance m -> BALANCE_COMMANDS;
            case ReserveStockReply m -> STOCK_REPLIES;
            case ReleaseStockReply m -> STOCK_REPLIES;
            case UseCouponReply m -> COUPON_REPLIES;
            case RestoreCouponReply m -> COUPON_REPLIES;
            case DeductBalanceReply m -> BALANCE_REPLIES;
            case RefundBalanceReply m -> BALANCE_REPLIES;
            case OrderCompleted m -> ORDER_EVENTS;
            default -> throw new IllegalArgumentException("Not a contract message: " + message.getClass().getName());
        };
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
