/** Wiring of order-service: properties, topics, the circuit breaker around product-service, scheduling. */
package io.shopsaga.order.config;
