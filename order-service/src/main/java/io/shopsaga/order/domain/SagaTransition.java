package io.shopsaga.order.domain;

import io.shopsaga.contracts.SagaMessage;
import java.util.List;

/**
 * What a reply or a deadline did to an order's saga: whether its state changed, and the messages to send
 * because of it (the next command, a compensation, or {@code OrderCompleted}), in order.
 */
public record SagaTransition(boolean changed, List<SagaMessage> messages) {

    public SagaTransition {
        messages = List.copyOf(messages);
    }

    static SagaTransition ignored() {
        return new SagaTransition(false, List.of());
    }

    static SagaTransition to(SagaMessage... messages) {
        return new SagaTransition(true, List.of(messages));
    }
}
