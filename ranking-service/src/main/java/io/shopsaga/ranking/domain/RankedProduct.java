package io.shopsaga.ranking.domain;

/** A product's place in a ranking: 1 for the best seller. */
public record RankedProduct(int rank, long productId, long soldQuantity) {
}
