package io.shopsaga.dataplatform.api;

import io.shopsaga.dataplatform.application.DeliveryService;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log and operator re-sends ({@code /api/v1/deliveries}). Re-sends answer 202: the sender delivers
 * on its next round, and {@code GET} shows the outcome.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
public class DeliveryController {

    private final DeliveryService deliveries;

    public DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/{orderId}")
    public DeliveryResponse delivery(@PathVariable @Positive long orderId) {
        return DeliveryResponse.of(deliveries.find(orderId));
    }

    @PostMapping("/{orderId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeliveryResponse retry(@PathVariable @Positive long orderId) {
        return DeliveryResponse.of(deliveries.retry(orderId));
    }

    @PostMapping("/failed/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RetryAllResponse retryAllFailed() {
        return new RetryAllResponse(deliveries.retryAllFailed());
    }
}
