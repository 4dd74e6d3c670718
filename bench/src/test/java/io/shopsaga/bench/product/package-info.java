/**
 * Product catalogue read scenarios through the gateway, with the Redis cache on ({@link
 * io.shopsaga.bench.product.ProductReadSimulation}) and off ({@link io.shopsaga.bench.product.ProductReadUncachedSimulation}).
 */
package io.shopsaga.bench.product;
