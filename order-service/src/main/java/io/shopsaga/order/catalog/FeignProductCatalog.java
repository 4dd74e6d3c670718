package io.shopsaga.order.catalog;

import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import io.shopsaga.order.application.ProductCatalog;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads prices through {@link ProductServiceClient}, guarded by the {@value #BREAKER} circuit breaker (with its time
 * limit, see OrderConfiguration): any failure, a slow answer or an open circuit becomes 503 SERVICE_UNAVAILABLE,
 * before anything is stored.
 */
@Component
class FeignProductCatalog implements ProductCatalog {

    static final String BREAKER = "product-service";
    private static final Logger log = LoggerFactory.getLogger(FeignProductCatalog.class);

    private final ProductServiceClient client;
    private final CircuitBreaker breaker;

    FeignProductCatalog(ProductServiceClient client, CircuitBreakerFactory<?, ?> breakers) {
        this.client = client;
        this.breaker = breakers.create(BREAKER);
    }

    @Override
    public Products find(Collection<Long> productIds) {
        ProductServiceClient.BatchResponse response = breaker.run(
                () -> client.batch(new ProductServiceClient.BatchRequest(List.copyOf(productIds))),
                failure -> {
                    log.warn("product-service could not price an order: {}", failure.toString());
                    throw new BusinessException(ErrorCodes.SERVICE_UNAVAILABLE, BusinessException.Kind.UNAVAILABLE,
                            "product-service is unavailable; the order was not placed, try again later");
                });
        return new Products(
                response.products().stream().map(p -> new Product(p.id(), p.name(), p.price())).toList(),
                response.missingIds() == null ? List.of() : response.missingIds());
    }
}
