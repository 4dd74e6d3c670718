package io.shopsaga.bench.product;

import io.gatling.javaapi.core.Simulation;

/**
 * Product list pages and details through the gateway, with product-service's Redis cache on (its default).
 * Run: {@code ./mvnw -pl bench gatling:test -Dgatling.simulationClass=io.shopsaga.bench.product.ProductReadSimulation}.
 */
public class ProductReadSimulation extends Simulation {

    private final ProductReads reads = new ProductReads("cached");

    {
        setUp(reads.populations())
                .protocols(ProductBenchSettings.protocol())
                .assertions(ProductReads.assertions(3_000));
    }

    @Override
    public void before() {
        ProductApi.requireCacheMode("UP");
        reads.setUp();
    }
}
