package io.shopsaga.product.api;

import io.shopsaga.product.application.ProductPage;
import java.util.List;

/** One page of the catalogue, by ascending id. */
public record ProductPageResponse(List<ProductResponse> content, int page, int size, long totalElements) {

    static ProductPageResponse of(ProductPage page) {
        return new ProductPageResponse(page.content().stream().map(ProductResponse::of).toList(),
                page.page(), page.size(), page.totalElements());
    }
}
