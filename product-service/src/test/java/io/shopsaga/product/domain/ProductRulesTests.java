package io.shopsaga.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsaga.defaults.error.BusinessException;
import org.junit.jupiter.api.Test;

class ProductRulesTests {

    @Test
    void acceptsAProductAtTheBounds() {
        assertThatNoException().isThrownBy(() -> new NewProduct("x".repeat(200), 0, 0));
        assertThatNoException().isThrownBy(() -> new NewProduct("Tumbler", ProductRules.PRICE_MAX, ProductRules.STOCK_MAX));
    }

    @Test
    void refusesAProductOutsideTheBoundsAsInvalidInputNamingTheField() {
        assertInvalid(() -> new NewProduct(" ", 100, 1), "name");
        assertInvalid(() -> new NewProduct(null, 100, 1), "name");
        assertInvalid(() -> new NewProduct("x".repeat(201), 100, 1), "name");
        assertInvalid(() -> new NewProduct("Tumbler", -1, 1), "price");
        assertInvalid(() -> new NewProduct("Tumbler", ProductRules.PRICE_MAX + 1, 1), "price");
        assertInvalid(() -> new NewProduct("Tumbler", 100, -1), "stock");
        assertInvalid(() -> new NewProduct("Tumbler", 100, ProductRules.STOCK_MAX + 1), "stock");
    }

    @Test
    void aChangeMustChangeSomethingAndKeepsItsFieldsInBounds() {
        assertInvalid(() -> new ProductChange(null, null, null), "name, price, stock");
        assertInvalid(() -> new ProductChange("", null, null), "name");
        assertInvalid(() -> new ProductChange(null, -5L, null), "price");
        assertInvalid(() -> new ProductChange(null, null, -1L), "stock");
        assertThat(new ProductChange(null, 0L, null).price()).isZero();
    }

    @Test
    void notFoundCarriesTheProductId() {
        BusinessException ex = ProductRules.notFound(42);

        assertThat(ex.code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(ex.kind()).isEqualTo(BusinessException.Kind.NOT_FOUND);
        assertThat(ex.properties()).containsEntry("productId", 42L);
    }

    private static void assertInvalid(Runnable construction, String namedField) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(BusinessException.class, ex -> {
                    assertThat(ex.code()).isEqualTo("INVALID_REQUEST");
                    assertThat(ex.kind()).isEqualTo(BusinessException.Kind.INVALID);
                })
                .hasMessageContaining(namedField);
    }
}
