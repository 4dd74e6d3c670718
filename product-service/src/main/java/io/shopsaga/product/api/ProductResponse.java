package io.shopsaga.product.api;

import io.shopsaga.product.application.ProductView;

/** {@code {"id":1,"name":"...","price":12000,"stock":40}} */
public record ProductResponse(long id, String name, long price, long stock) {

    static ProductResponse of(ProductView view) {
        return new ProductResponse(view.id(), view.name(), view.price(), view.stock());
    }
}
