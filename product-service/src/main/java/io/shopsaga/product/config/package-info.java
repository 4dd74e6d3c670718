/** Wiring and settings of product-service: the Redis cache, its health, the seed. */
package io.shopsaga.product.config;
