package io.shopsaga.ranking.catalog;

import static io.shopsaga.ranking.ProductServiceStub.catalogName;
import static io.shopsaga.ranking.TestOrders.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.ranking.ProductServiceStub;
import io.shopsaga.ranking.ProductServiceStub.Product;
import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.ranking.TestOrders;
import io.shopsaga.ranking.api.TopProductResponse;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * product-service failing, slow or behind an open circuit: the ranking still answers 200 with its counts, names and
 * prices from the local copy (the latest order's, whatever order the events came in), and says so in X-Degraded.
 */
class ProductServiceDownTests extends RankingServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    LocalDate today = TestOrders.freshDay();
    long p1 = TestIds.next();
    long p2 = TestIds.next();

    @BeforeEach
    void sales() {
        // The later order's name and price win even though its event was counted first.
        record(today, LocalTime.of(10, 0), line(p1, "Tea, 2nd edition", 5_500, 3));
        record(today, LocalTime.of(9, 0), line(p1, "Tea", 5_000, 1), line(p2, "Cup", 9_000, 2));
        clock.set(today, LocalTime.NOON);
    }

    static Stream<Arguments> failures() {
        return Stream.of(Arguments.of("503", ProductServiceStub.unavailable()),
                Arguments.of("connection reset", ProductServiceStub.connectionReset()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void answersWithTheLocalCopyAndSaysSo(String failure, ResponseDefinitionBuilder answer) {
        productService.fails(answer);
        double before = fallbacks();

        HttpApi.Response response = topProducts(1, 5);

        assertThat(ranking(response)).containsExactly(new TopProductResponse(1, p1, "Tea, 2nd edition", 5_500, 4),
                new TopProductResponse(2, p2, "Cup", 9_000, 2));
        assertThat(response.header("X-Degraded")).isEqualTo("product-details-from-local-copy");
        assertThat(fallbacks()).isEqualTo(before + 1);
    }

    @Test
    void aSlowProductServiceIsCutOffByTheTimeLimit() {
        productService.fails(ProductServiceStub.slow(Duration.ofSeconds(3)));

        long start = System.nanoTime();
        HttpApi.Response response = topProducts(1, 5);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        assertThat(ranking(response)).extracting(TopProductResponse::name).containsExactly("Tea, 2nd edition", "Cup");
        assertThat(response.header("X-Degraded")).isEqualTo("product-details-from-local-copy");
    }

    @Test
    void anOpenCircuitAnswersAtOnceWithoutAskingProductService() {
        productService.fails(ProductServiceStub.unavailable());
        for (int i = 0; i < 10; i++) {
            assertThat(topProducts(1, 5).header("X-Degraded")).isNotNull();
        }
        int calls = productService.batchCalls();

        HttpApi.Response response = topProducts(1, 5);

        assertThat(response.header("X-Degraded")).isEqualTo("product-details-from-local-copy");
        assertThat(ranking(response)).extracting(TopProductResponse::soldQuantity).containsExactly(4L, 2L);
        assertThat(productService.batchCalls()).isEqualTo(calls);
    }

    @Test
    void productServiceBackMeansCurrentNamesAgain() {
        productService.fails(ProductServiceStub.unavailable());
        assertThat(topProducts(1, 5).header("X-Degraded")).isNotNull();
        productService.reset();
        productService.knows(Product.of(p1, 6_000), Product.of(p2, 9_500));

        HttpApi.Response response = topProducts(1, 5);

        assertThat(response.header("X-Degraded")).isNull();
        assertThat(ranking(response)).containsExactly(new TopProductResponse(1, p1, catalogName(p1), 6_000, 4),
                new TopProductResponse(2, p2, catalogName(p2), 9_500, 2));
    }

    private double fallbacks() {
        return meters.get("ranking.catalog.fallbacks").counter().count();
    }
}
