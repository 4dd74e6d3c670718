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

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }
}
