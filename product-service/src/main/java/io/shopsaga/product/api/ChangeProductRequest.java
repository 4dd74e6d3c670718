package io.shopsaga.product.api;

import io.shopsaga.product.domain.ProductChange;
import io.shopsaga.product.domain.ProductRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of a partial change: any subset of the fields; an absent (or {@code null}) field stays as it is.
 * A body that gives none of them is refused by {@link ProductChange}.
 */
public record ChangeProductRequest(
        @Size(min = 1, max = ProductRules.NAME_MAX_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String name,
        @Min(0) @Max(ProductRules.PRICE_MAX) Long price,
        @Min(0) @Max(ProductRules.STOCK_MAX) Long stock) {

    ProductChange toChange() {
        return new ProductChange(name, price, stock);
    }
}
