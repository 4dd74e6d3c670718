package io.shopsaga.ranking.application;

import java.util.List;

/**
 * A ranking, best seller first.
 *
 * @param fromLocalCopy product-service could not be asked: names and prices are those the latest counted orders
 *     carried, and may be out of date
 */
public record TopProducts(List<TopProduct> products, boolean fromLocalCopy) {

    public TopProducts {
        products = List.copyOf(products);
    }
}
