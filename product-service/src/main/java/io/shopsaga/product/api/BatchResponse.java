package io.shopsaga.product.api;

import io.shopsaga.product.application.ProductBatch;
import java.util.List;

/**
 * {@code {"products":[{"id":1,"name":"...","price":12000}],"missingIds":[9]}}: the requested products that exist
 * and the requested ids that do not, both by ascending id.
 */
public record BatchResponse(List<Item> products, List<Long> missingIds) {

    /** What another service needs of a product: its name and current price. */
    public record Item(long id, String name, long price) {
    }

    static BatchResponse of(ProductBatch batch) {
        return new BatchResponse(batch.products().stream().map(p -> new Item(p.id(), p.name(), p.price())).toList(),
                batch.missingIds());
    }
}
