package io.shopsaga.order.api;

import io.shopsaga.order.application.OrderOutcomes;
import io.shopsaga.order.application.OrderPlacement;
import io.shopsaga.order.application.OrderQueries;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderRules;
import io.shopsaga.order.domain.OrderStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders ({@code /api/v1/orders}). Placing answers 202 at once; with {@code Prefer: wait=N} the request is parked
 * (a future, no thread held) until the saga ends or N seconds pass.
 */
@RestController
public class OrderController {

    private final OrderPlacement placement;
    private final OrderQueries queries;
    private final OrderOutcomes outcomes;

    public OrderController(OrderPlacement placement, OrderQueries queries, OrderOutcomes outcomes) {
        this.placement = placement;
        this.queries = queries;
        this.outcomes = outcomes;
    }

    @PostMapping("/api/v1/orders")
    public CompletableFuture<ResponseEntity<Object>> place(@Valid @RequestBody PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "Prefer", required = false) String prefer) {
        Optional<Duration> wait = PreferWait.parse(prefer);
        OrderPlacement.Placed placed = placement.place(request.toCommand(), idempotencyKey);
        if (wait.isEmpty()) {
            return CompletableFuture.completedFuture(accepted(placed.orderId()));
        }
        return outcomes.await(placed.orderId(), wait.get(), placed.placedNow())
                .thenApply(order -> outcome(order, wait.get()));
    }

    @GetMapping("/api/v1/orders/{orderId}")
    public OrderResponse order(@PathVariable @Positive long orderId) {
        return OrderResponse.of(queries.get(orderId));
    }

    @GetMapping("/api/v1/users/{userId}/orders")
    public OrderPageResponse ordersOfUser(@PathVariable @Positive long userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return OrderPageResponse.of(queries.ofUser(userId, page, size));
    }

    private static ResponseEntity<Object> outcome(Order order, Duration waited) {
        if (order.status() == OrderStatus.COMPLETED) {
            return ResponseEntity.created(location(order.id()))
                    .header("Preference-Applied", "wait=" + waited.toSeconds())
                    .body(OrderResponse.of(order));
        }
        if (order.status() == OrderStatus.FAILED) {
            throw OrderRules.orderFailed(order.id(), order.failureCode());
        }
        return accepted(order.id());
    }

    private static ResponseEntity<Object> accepted(long orderId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(orderId))
                .body(new OrderAcceptedResponse(orderId, OrderStatus.PENDING.name()));
    }

    private static URI location(long orderId) {
        return URI.create("/api/v1/orders/" + orderId);
    }
}
