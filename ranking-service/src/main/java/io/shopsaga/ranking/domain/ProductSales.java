package io.shopsaga.ranking.domain;

/** How many units of a product sold over some days. */
public record ProductSales(long productId, long soldQuantity) {
}
