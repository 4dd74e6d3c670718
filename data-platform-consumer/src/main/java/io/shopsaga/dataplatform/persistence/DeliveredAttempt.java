package io.shopsaga.dataplatform.persistence;

/**
 * An attempt the platform accepted, waiting to be recorded with the rest of its round.
 *
 * @param httpStatus the platform's answer (2xx, or 409: it had the order already)
 * @param answeredAtNanos when the answer came, by {@link System#nanoTime()}: {@code delivered_at} is that moment on
 *     the database's clock, however long the round's slowest POST kept the recording waiting
 */
public record DeliveredAttempt(ClaimedDelivery claim, Integer httpStatus, long answeredAtNanos) {
}
