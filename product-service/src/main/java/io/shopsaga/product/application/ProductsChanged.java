package io.shopsaga.product.application;

import java.util.List;

/** Published inside a transaction that changed these products; acted on once it has committed. */
public record ProductsChanged(List<Long> productIds) {
}
