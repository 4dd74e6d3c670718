/** ranking-service's side of Kafka: OrderCompleted events in from {@code order.events.v1}, counted once each. */
package io.shopsaga.ranking.messaging;
