package io.shopsaga.dataplatform.api;

import io.shopsaga.dataplatform.domain.Delivery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code {"orderId":900,"status":"DELIVERED","attempts":3,"lastError":"HTTP 503","lastHttpStatus":200,
 * "receivedAt":"...","lastAttemptAt":"...","nextAttemptAt":null,"deliveredAt":"..."}}
 */
public record DeliveryResponse(long orderId, String status, int attempts, String lastError, Integer lastHttpStatus,
        OffsetDateTime receivedAt, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
        OffsetDateTime deliveredAt) {

    static DeliveryResponse of(Delivery delivery) {
        return new DeliveryResponse(delivery.orderId(), delivery.status().name(), delivery.attempts(),
                delivery.lastError(), delivery.lastHttpStatus(), utc(delivery.receivedAt()),
                utc(delivery.lastAttemptAt()), utc(delivery.nextAttemptAt()), utc(delivery.deliveredAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
