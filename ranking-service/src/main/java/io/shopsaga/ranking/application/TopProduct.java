package io.shopsaga.ranking.application;

/** One line of a ranking. */
public record TopProduct(int rank, long productId, String name, long price, long soldQuantity) {
}
