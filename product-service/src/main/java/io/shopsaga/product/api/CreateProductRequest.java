package io.shopsaga.product.api;

import io.shopsaga.product.domain.NewProduct;
import io.shopsaga.product.domain.ProductRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of a new product: every field required, within {@link ProductRules}. */
public record CreateProductRequest(
        @NotBlank @Size(max = ProductRules.NAME_MAX_LENGTH) String name,
        @NotNull @Min(0) @Max(ProductRules.PRICE_MAX) Long price,
        @NotNull @Min(0) @Max(ProductRules.STOCK_MAX) Long stock) {

    NewProduct toNewProduct() {
        return new NewProduct(name, price, stock);
    }
}
