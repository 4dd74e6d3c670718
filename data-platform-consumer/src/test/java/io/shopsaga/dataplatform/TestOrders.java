package io.shopsaga.dataplatform;

import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.dataplatform.domain.CompletedOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Completed orders for tests: two lines (2 × 12,000 + 1 × 3,000), a 3,000 coupon discount. */
public final class TestOrders {

    public static final Instant COMPLETED_AT = Instant.parse("2026-11-24T01:15:30Z");

    private TestOrders() {
    }

    public static OrderCompleted completed(long orderId, long userId) {
        return new OrderCompleted(UUID.randomUUID(), orderId, COMPLETED_AT, userId,
                List.of(new OrderCompleted.Line(3, "Mug", 12_000, 2), new OrderCompleted.Line(4, "Tea", 3_000, 1)),
                27_000, 3_000, 24_000, 55L);
    }

    /** The same order as this service keeps it, for tests that record it without going through Kafka. */
    public static CompletedOrder order(long orderId, long userId) {
        return new CompletedOrder(orderId, userId, COMPLETED_AT,
                List.of(new CompletedOrder.Line(3, "Mug", 12_000, 2), new CompletedOrder.Line(4, "Tea", 3_000, 1)),
                27_000, 3_000, 24_000, 55L);
    }

    /** The document the data platform must receive for {@link #completed}. */
    public static String expectedDocument(long orderId, long userId) {
        return """
                {"schemaVersion":1,"orderId":%d,"userId":%d,"status":"COMPLETED",\
                "completedAt":"2026-11-24T01:15:30Z","currency":"KRW","totalAmount":27000,\
                "discountAmount":3000,"paidAmount":24000,"issuedCouponId":55,\
                "items":[{"productId":3,"name":"Mug","unitPrice":12000,"quantity":2},\
                {"productId":4,"name":"Tea","unitPrice":3000,"quantity":1}]}""".formatted(orderId, userId);
    }
}
