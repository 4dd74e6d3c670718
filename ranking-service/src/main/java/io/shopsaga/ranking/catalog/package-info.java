/** product-service as ranking-service reads it: an OpenFeign client behind a Resilience4j circuit breaker and time limit. */
package io.shopsaga.ranking.catalog;
