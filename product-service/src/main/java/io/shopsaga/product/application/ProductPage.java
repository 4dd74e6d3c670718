package io.shopsaga.product.application;

import java.util.List;

/** One page of the catalogue, by ascending id. */
public record ProductPage(List<ProductView> content, int page, int size, long totalElements) {
}
