package io.shopsaga.product.application;

import java.util.List;

/** The answer to a batch read: the products found, and the requested ids that do not exist, both ascending. */
public record ProductBatch(List<ProductSummary> products, List<Long> missingIds) {
}
