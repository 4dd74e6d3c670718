/** balance-service's side of the order saga: deduct and refund commands in, replies out through the outbox. */
package io.shopsaga.balance.messaging;
