package io.shopsaga.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.product.application.ProductCatalog;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.product.domain.NewProduct;
import io.shopsaga.testsupport.HttpApi.Response;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Test products and the assertions every API test shares. */
public final class TestProducts {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestProducts() {
    }

    public static NewProduct product(long price, long stock) {
        return new NewProduct("Test product " + NEXT.incrementAndGet(), price, stock);
    }

    public static ProductView create(ProductCatalog catalog, long stock) {
        return catalog.create(product(10_000, stock), null);
    }

    public static ProductView create(ProductCatalog catalog, long price, long stock) {
        return catalog.create(product(price, stock), null);
    }

    public static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
