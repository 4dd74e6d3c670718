package io.shopsaga.product.domain;

/**
 * An operator's partial change of a product: each {@code null} field stays as it is, and a change
 * that changes nothing is refused as bad input.
 */
public record ProductChange(String name, Long price, Long stock) {

    public ProductChange {
        if (name == null && price == null && stock == null) {
            throw ProductRules.invalid("at least one of name, price, stock must be given");
        }
        if (name != null) {
            ProductRules.requireValidName(name);
        }
        if (price != null) {
            ProductRules.requireValidPrice(price);
        }
        if (stock != null) {
            ProductRules.requireValidStock(stock);
        }
    }
}
