package io.shopsaga.order.messaging;

import io.shopsaga.order.application.SagaCoordinator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for saga steps whose reply is overdue ({@code shopsaga.order.step-timeout}) every scan interval. */
@Component
class SagaDeadlines {

    private final SagaCoordinator saga;

    SagaDeadlines(SagaCoordinator saga) {
        this.saga = saga;
    }

    @Scheduled(fixedDelayString = "${shopsaga.order.timeout-scan-interval:1s}")
    void scan() {
        saga.onDeadlines();
    }
}
