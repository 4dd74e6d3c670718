/** product-service as order-service reads it: an OpenFeign client behind a Resilience4j circuit breaker and time limit. */
package io.shopsaga.order.catalog;
