package io.shopsaga.ranking.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Current names and prices of products, from product-service. */
public interface ProductCatalog {

    /**
     * The products among {@code productIds} that exist (a deleted product is absent), or empty when product-service
     * cannot answer in time or its circuit is open: the caller then shows the local copy.
     */
    Optional<Map<Long, ProductDetails>> find(Collection<Long> productIds);
}
