package io.shopsaga.product.domain;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.BusinessException.Kind;
import java.util.Map;

/**
 * The catalogue's bounds and refusals. Prices are whole KRW from 0 (a free item) to 100,000,000;
 * an operator sets stock from 0 to 1,000,000 (a release may later put back more than that).
 */
public final class ProductRules {

    public static final int NAME_MAX_LENGTH = 200;
    public static final long PRICE_MAX = 100_000_000;
    public static final long STOCK_MAX = 1_000_000;
    public static final int PAGE_MAX = 100_000;
    public static final int PAGE_SIZE_MAX = 100;
    public static final int BATCH_MAX = 100;

    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    public static final String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** A reserve that arrived after its order's release: it reserves nothing. */
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private ProductRules() {
    }

    /** The API validates first; these guard every other caller. */
    public static void requireValidName(String name) {
        if (name == null || name.isBlank() || name.length() > NAME_MAX_LENGTH) {
            throw invalid("name must be 1 to " + NAME_MAX_LENGTH + " characters and not blank");
        }
    }

    public static void requireValidPrice(long price) {
        if (price < 0 || price > PRICE_MAX) {
            throw invalid("price must be between 0 and " + PRICE_MAX);
        }
    }

    public static void requireValidStock(long stock) {
        if (stock < 0 || stock > STOCK_MAX) {
            throw invalid("stock must be between 0 and " + STOCK_MAX);
        }
    }

    public static BusinessException notFound(long productId) {
        return new BusinessException(PRODUCT_NOT_FOUND, Kind.NOT_FOUND, "product " + productId + " does not exist",
                Map.of("productId", productId));
    }

    static BusinessException invalid(String detail) {
        return new BusinessException(INVALID_REQUEST, Kind.INVALID, detail);
    }
}
