package io.shopsaga.product.application;

/** A product as the API shows it (and as the cache holds it). */
public record ProductView(long id, String name, long price, long stock) {
}
