package io.shopsaga.order.application;

import java.util.Collection;
import java.util.List;

/** Names and current prices of products, read from product-service when an order is placed. */
public interface ProductCatalog {

    /**
     * @throws io.shopsaga.defaults.error.BusinessException SERVICE_UNAVAILABLE (503) when product-service cannot
     *     answer in time or its circuit is open
     */
    Products find(Collection<Long> productIds);

    /** The products that exist and the ids that do not. */
    record Products(List<Product> products, List<Long> missingIds) {

        public Products {
            products = List.copyOf(products);
            missingIds = List.copyOf(missingIds);
        }
    }

    /** What an order needs of a product. */
    record Product(long id, String name, long price) {
    }
}
