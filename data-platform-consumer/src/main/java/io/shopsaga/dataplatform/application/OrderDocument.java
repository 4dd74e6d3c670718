package io.shopsaga.dataplatform.application;

import io.shopsaga.dataplatform.domain.CompletedOrder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The JSON body POSTed to the data platform for one completed order (version 1). Its shape is part of this
 * service's contract with the platform (see the module's README), independent of the Kafka message's record:
 * every member is always present ({@code issuedCouponId} may be {@code null}); money is whole KRW; times are
 * ISO-8601 in UTC. A new shape would be a new {@code schemaVersion}.
 */
public record OrderDocument(int schemaVersion, long orderId, long userId, String status, OffsetDateTime completedAt,
        String currency, long totalAmount, long discountAmount, long paidAmount, Long issuedCouponId,
        List<Item> items) {

    public static final int SCHEMA_VERSION = 1;

    /** One order line: {@code quantity} of {@code productId} at {@code unitPrice} KRW each. */
    public record Item(long productId, String name, long unitPrice, int quantity) {
    }

    static OrderDocument of(CompletedOrder order) {
        return new OrderDocument(SCHEMA_VERSION, order.orderId(), order.userId(), "COMPLETED",
                order.completedAt().atOffset(ZoneOffset.UTC), "KRW", order.totalAmount(), order.discountAmount(),
                order.paidAmount(), order.issuedCouponId(),
                order.items().stream().map(l -> new Item(l.productId(), l.name(), l.unitPrice(), l.quantity())).toList());
    }
}
