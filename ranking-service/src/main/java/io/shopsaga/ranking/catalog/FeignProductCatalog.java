package io.shopsaga.ranking.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.logging.WarnThrottle;
import io.shopsaga.ranking.application.ProductCatalog;
import io.shopsaga.ranking.application.ProductDetails;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads names and prices through {@link ProductServiceClient}, guarded by the {@value #BREAKER} circuit breaker (with
 * its time limit, see RankingConfiguration): a failure, a slow answer or an open circuit is "unavailable", counted in
 * {@value #FALLBACKS_METER}, and the ranking is answered with the local copy.
 */
@Component
class FeignProductCatalog implements ProductCatalog {

    static final String BREAKER = "product-service";
    static final String FALLBACKS_METER = "ranking.catalog.fallbacks";
    private static final Duration WARN_INTERVAL = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(FeignProductCatalog.class);

    private final ProductServiceClient client;
    private final CircuitBreaker breaker;
    private final Counter fallbacks;
    private final WarnThrottle warnings = new WarnThrottle(WARN_INTERVAL, Clock.systemUTC());

    FeignProductCatalog(ProductServiceClient client, CircuitBreakerFactory<?, ?> breakers, MeterRegistry meters) {
        this.client = client;
        this.breaker = breakers.create(BREAKER);
        this.fallbacks = Counter.builder(FALLBACKS_METER)
                .description("Rankings answered with the local copy of names and prices because product-service could not")
                .register(meters);
    }

    @Override
    public Optional<Map<Long, ProductDetails>> find(Collection<Long> productIds) {
        ProductServiceClient.BatchResponse response = breaker.run(
                () -> client.batch(new ProductServiceClient.BatchRequest(List.copyOf(productIds))),
                failure -> {
                    warn(failure);
                    return null;
                });
        if (response == null || response.products() == null) {
            fallbacks.increment();
            return Optional.empty();
        }
        Map<Long, ProductDetails> found = new TreeMap<>();
        response.products().forEach(p -> found.put(p.id(), new ProductDetails(p.id(), p.name(), p.price())));
        return Optional.of(found);
    }

    /**
     * At most one WARN per {@link #WARN_INTERVAL}: a ranking read while product-service is down is not news each
     * time.
     */
    private void warn(Throwable failure) {
        if (warnings.warn().isPresent()) {
            log.warn("product-service could not name the ranked products; answering with the local copy: {}",
                    failure.toString());
        }
        else {
            log.debug("product-service could not name the ranked products", failure);
        }
    }
}
