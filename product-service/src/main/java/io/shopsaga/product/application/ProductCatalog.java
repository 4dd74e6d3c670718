package io.shopsaga.product.application;

import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.product.domain.NewProduct;
import io.shopsaga.product.domain.ProductChange;
import io.shopsaga.product.domain.ProductRules;
import io.shopsaga.product.persistence.ProductCache;
import io.shopsaga.product.persistence.ProductRepository;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The catalogue: reads through the Redis cache, operator changes in one transaction each, which
 * evict what they changed once committed.
 */
@Service
public class ProductCatalog {

    private final ProductRepository products;
    private final ProductCache cache;
    private final RetryingTransactions transactions;
    private final IdempotentExecutor idempotency;
    private final ApplicationEventPublisher events;

    public ProductCatalog(ProductRepository products, ProductCache cache, RetryingTransactions transactions,
            IdempotentExecutor idempotency, ApplicationEventPublisher events) {
        this.products = products;
        this.cache = cache;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.events = events;
    }

    public ProductPage page(int page, int size) {
        return cache.page(page, size, () -> new ProductPage(products.page(page, size), page, size, products.count()));
    }

    public ProductView product(long id) {
        return cache.product(id, () -> products.find(id).orElseThrow(() -> ProductRules.notFound(id)));
    }

    public ProductView create(NewProduct product, String idempotencyKey) {
        return transactions.execute(() -> idempotency.execute("create:product", idempotencyKey, product,
                ProductView.class, () -> {
                    long id = products.insert(product);
                    events.publishEvent(new ProductsChanged(List.of(id)));
                    return new ProductView(id, product.name(), product.price(), product.stock());
                }));
    }

    /** Applies an operator's change; {@code PRODUCT_NOT_FOUND} for an unknown id. */
    public ProductView change(long id, ProductChange change, String idempotencyKey) {
        return transactions.execute(() -> idempotency.execute("change:product:" + id, idempotencyKey, change,
                ProductView.class, () -> {
                    products.apply(id, change);
                    ProductView changed = products.find(id).orElseThrow(() -> ProductRules.notFound(id));
                    events.publishEvent(new ProductsChanged(List.of(id)));
                    return changed;
                }));
    }

    /** Names and prices of many products in one query, straight from the database (for other services). */
    public ProductBatch batch(Collection<Long> ids) {
        TreeSet<Long> wanted = new TreeSet<>(ids);
        List<ProductSummary> found = products.summaries(wanted);
        found.forEach(p -> wanted.remove(p.id()));
        return new ProductBatch(found, List.copyOf(wanted));
    }
}
