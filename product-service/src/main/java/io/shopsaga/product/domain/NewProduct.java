package io.shopsaga.product.domain;

/** A product to add to the catalogue; refuses values outside {@link ProductRules}. */
public record NewProduct(String name, long price, long stock) {

    public NewProduct {
        ProductRules.requireValidName(name);
        ProductRules.requireValidPrice(price);
        ProductRules.requireValidStock(stock);
    }
}
