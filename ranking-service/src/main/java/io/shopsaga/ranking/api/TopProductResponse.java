package io.shopsaga.ranking.api;

import io.shopsaga.ranking.application.TopProduct;

/** {@code {"rank":1,"productId":3,"name":"...","price":12000,"soldQuantity":57}}. */
public record TopProductResponse(int rank, long productId, String name, long price, long soldQuantity) {

    static TopProductResponse of(TopProduct product) {
        return new TopProductResponse(product.rank(), product.productId(), product.name(), product.price(),
                product.soldQuantity());
    }
}
