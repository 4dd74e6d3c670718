package io.shopsaga.product.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockItemsTests {

    @Test
    void sortsItemsByAscendingProductIdWhateverTheOrderGiven() {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        quantities.put(9L, 1);
        quantities.put(3L, 2);
        quantities.put(5L, 3);

        StockItems items = StockItems.of(quantities);

        assertThat(items.productIds()).containsExactly(3L, 5L, 9L);
        assertThat(items.items()).containsExactly(new StockItem(3, 2), new StockItem(5, 3), new StockItem(9, 1));
    }

    @Test
    void refusesEmptyOrdersRepeatedProductsAndNonPositiveQuantities() {
        assertThatThrownBy(() -> new StockItems(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockItems(List.of(new StockItem(3, 1), new StockItem(3, 2))))
                .hasMessageContaining("Product 3 appears twice");
        assertThatThrownBy(() -> new StockItem(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockItem(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
