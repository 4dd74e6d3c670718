package io.shopsaga.ranking.domain;

/**
 * A completed order that cannot be counted (a line without a positive product id or quantity, a missing name or a
 * negative price). It is a bug upstream, not something to count around: the listener's error handler retries it
 * and then sends it to the dead-letter topic, where it is counted and can be looked at.
 */
public class InvalidCompletedOrderException extends RuntimeException {

    public InvalidCompletedOrderException(long orderId, String problem) {
        super("Completed order " + orderId + " cannot be counted: " + problem);
    }
}
