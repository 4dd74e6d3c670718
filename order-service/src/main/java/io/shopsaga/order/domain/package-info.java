/**
 * Orders and the order saga as a state machine, in plain Java: {@link io.shopsaga.order.domain.Order} owns its
 * {@link io.shopsaga.order.domain.SagaState} and answers each reply or deadline with the next command,
 * compensation or event to send.
 */
package io.shopsaga.order.domain;
