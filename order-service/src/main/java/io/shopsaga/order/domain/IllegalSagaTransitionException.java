package io.shopsaga.order.domain;

/** A transition the saga's state machine does not allow (a bug, never a client's mistake). */
public class IllegalSagaTransitionException extends IllegalStateException {

    public IllegalSagaTransitionException(long orderId, SagaState state, String transition) {
        super("Order " + orderId + " cannot " + transition + " in state " + state);
    }
}
