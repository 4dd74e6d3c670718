package io.shopsaga.dataplatform.persistence;

/**
 * A delivery this instance has claimed for one attempt.
 *
 * @param attempt the delivery's attempt count including this one: results are recorded only while it still is
 *     (fencing off a late answer after the claim expired and another instance took the row)
 * @param roundAttempt this attempt's number within its round (1-based)
 * @param document the JSON body to POST
 */
public record ClaimedDelivery(long orderId, int attempt, int roundAttempt, String document) {
}
