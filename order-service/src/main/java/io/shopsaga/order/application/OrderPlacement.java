package io.shopsaga.order.application;

import io.shopsaga.contracts.SagaCommand;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.domain.OrderRules;
import io.shopsaga.order.domain.SagaTime;
import io.shopsaga.order.persistence.OrderRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order: prices it through product-service (before any transaction, so no connection waits on HTTP),
 * then stores the PENDING order, its lines, its saga state and the saga's first command in one transaction: the
 * {@link PlacementWriter}'s, shared with the orders placed at the same moment, or (with an {@code Idempotency-Key},
 * whose record is part of it, or when that batch could not be stored) one of its own.
 */
@Service
public class OrderPlacement {

    private final ProductCatalog catalog;
    private final OrderRepository orders;
    private final Outbox outbox;
    private final IdempotentExecutor idempotency;
    private final PlacementWriter writer;
    private final TransactionTemplate transactions;
    private final OrderProperties properties;
    private final Clock clock;

    public OrderPlacement(ProductCatalog catalog, OrderRepository orders, Outbox outbox,
            IdempotentExecutor idempotency, PlacementWriter writer, TransactionTemplate transactions,
            OrderProperties properties, Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.writer = writer;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Places the order, or finds the one placed before under the same Idempotency-Key. */
    public Placed place(PlaceOrder request, String idempotencyKey) {
        List<Long> productIds = request.items().stream().map(PlaceOrder.Item::productId).toList();
        OrderRules.requireDistinctProducts(productIds);
        ProductCatalog.Products found = catalog.find(productIds);
        if (!found.missingIds().isEmpty()) {
            throw OrderRules.productsNotFound(found.missingIds());
        }
        Map<Long, ProductCatalog.Product> byId = found.products().stream()
                .collect(Collectors.toMap(ProductCatalog.Product::id, Function.identity(), (a, b) -> a));
        List<OrderLine> lines = request.items().stream().map(item -> {
            ProductCatalog.Product product = byId.get(item.productId());
            if (product == null) {
                throw OrderRules.productsNotFound(List.of(item.productId()));
            }
            return new OrderLine(product.id(), product.name(), product.price(), item.quantity());
        }).toList();
        if (idempotencyKey == null) {
            OptionalLong stored = writer.store(request.userId(), lines, request.issuedCouponId());
            if (stored.isPresent()) {
                return new Placed(stored.getAsLong(), true);
            }
        }
        boolean[] placedNow = new boolean[1];
        OrderAccepted accepted = transactions.execute(status -> {
            placedNow[0] = false;
            return idempotency.execute("order:user:" + request.userId(), idempotencyKey, request,
                    OrderAccepted.class, () -> {
                        placedNow[0] = true;
                        SagaTime time = new SagaTime(clock.instant(), properties.stepTimeout());
                        Order order = Order.place(request.userId(), lines, request.issuedCouponId(), time);
                        orders.insert(order);
                        SagaCommand first = order.start(time.now());
                        outbox.add(Topics.of(first), first);
                        return new OrderAccepted(order.id());
                    });
        });
        return new Placed(accepted.orderId(), placedNow[0]);
    }

    /** The placed order's id; {@code placedNow} unless it was placed before, under the same Idempotency-Key. */
    public record Placed(long orderId, boolean placedNow) {
    }
}
