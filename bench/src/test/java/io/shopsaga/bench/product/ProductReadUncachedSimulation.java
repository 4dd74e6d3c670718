package io.shopsaga.bench.product;

import io.gatling.javaapi.core.Simulation;

/**
 * The same reads as {@link ProductReadSimulation} with product-service's cache switched off
 * ({@code SHOPSAGA_PRODUCT_CACHE_ENABLED=false}: every read goes to MySQL), for comparing the two runs' reports.
 * Run: {@code ./mvnw -pl bench gatling:test -Dgatling.simulationClass=io.shopsaga.bench.product.ProductReadUncachedSimulation}.
 */
public class ProductReadUncachedSimulation extends Simulation {

    private final ProductReads reads = new ProductReads("uncached");

    {
        setUp(reads.populations())
                .protocols(ProductBenchSettings.protocol())
                .assertions(ProductReads.assertions(1));
    }

    @Override
    public void before() {
        ProductApi.requireCacheMode("DISABLED");
        reads.setUp();
    }
}
