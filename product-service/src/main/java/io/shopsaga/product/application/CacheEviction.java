package io.shopsaga.product.application;

import io.shopsaga.product.persistence.ProductCache;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evicts what a change touched only after its transaction has committed: evicting earlier would let a
 * concurrent reader cache the row as it was before the commit. A transaction that rolls back (or is
 * retried as a deadlock victim) evicts nothing for that attempt.
 */
@Component
class CacheEviction {

    private final ProductCache cache;

    CacheEviction(ProductCache cache) {
        this.cache = cache;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void productsChanged(ProductsChanged event) {
        cache.evict(event.productIds());
    }
}
