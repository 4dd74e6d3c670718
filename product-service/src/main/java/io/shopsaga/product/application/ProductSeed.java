package io.shopsaga.product.application;

import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.domain.NewProduct;
import io.shopsaga.product.persistence.ProductRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;

/**
 * Seed products for local runs ({@code shopsaga.product.seed=true}, env {@code SHOPSAGA_SEED}), inserted
 * at start-up only into an empty table, with fixed ids 1..n. Not a Flyway migration: tests and real
 * deployments start empty, and turning the seed off later leaves no migration history behind.
 */
public class ProductSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProductSeed.class);

    public static final List<NewProduct> PRODUCTS = List.of(
            new NewProduct("Wireless Noise-Cancelling Earbuds", 129_000, 300),
            new NewProduct("Mechanical Keyboard (Brown Switches)", 89_000, 250),
            new NewProduct("Jeju Tangerines 5kg", 32_900, 800),
            new NewProduct("Stainless Steel Tumbler 500ml", 18_900, 1_000),
            new NewProduct("Organic Cotton Crew T-Shirt", 15_900, 600),
            new NewProduct("Lightweight Running Shoes", 99_000, 150),
            new NewProduct("USB-C GaN Charger 65W", 39_000, 400));

    private final boolean enabled;
    private final ProductRepository products;
    private final RetryingTransactions transactions;

    public ProductSeed(boolean enabled, ProductRepository products, RetryingTransactions transactions) {
        this.enabled = enabled;
        this.products = products;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            int inserted = seedIfEmpty();
            if (inserted == 0) {
                log.info("Products exist already; seed skipped");
            }
            else {
                log.info("Seeded {} products", inserted);
            }
        }
    }

    /**
     * Inserts the seed products if there are none; the number inserted. Two instances starting at
     * once both find the table empty, but the fixed ids let only one of them insert.
     */
    public int seedIfEmpty() {
        try {
            return transactions.execute(() -> {
                if (products.count() > 0) {
                    return 0;
                }
                for (int i = 0; i < PRODUCTS.size(); i++) {
                    products.insertWithId(i + 1, PRODUCTS.get(i));
                }
                return PRODUCTS.size();
            });
        }
        catch (DuplicateKeyException ex) {
            return 0;
        }
    }
}
