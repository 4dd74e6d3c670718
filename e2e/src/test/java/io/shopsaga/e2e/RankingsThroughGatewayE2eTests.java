package io.shopsaga.e2e;

import static io.shopsaga.e2e.BalanceThroughGatewayE2eTests.assertProblem;
import static io.shopsaga.e2e.OrdersThroughGatewayE2eTests.await;
import static io.shopsaga.e2e.OrdersThroughGatewayE2eTests.charge;
import static io.shopsaga.e2e.OrdersThroughGatewayE2eTests.createProduct;
import static io.shopsaga.e2e.OrdersThroughGatewayE2eTests.orderBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Best sellers as a client sees them: orders completed through the gateway rank within seconds, failed ones never. */
class RankingsThroughGatewayE2eTests {

    static final HttpApi api = SystemUnderTest.get().gatewayApi();

    @Test
    void completedOrdersRankInTheSeedAliasWithinFiveSecondsAndFailedOnesNeverCount() {
        // Quantities far above what other tests order, so these three lead the ranking of the run.
        long first = createProduct(1, 1_000);
        long second = createProduct(1, 1_000);
        long third = createProduct(1, 1_000);
        long neverSold = createProduct(1, 1_000);
        long buyer = TestIds.next();
        charge(buyer, 10_000);
        long broke = TestIds.next();

        assertThat(api.post("/order", orderBody(buyer, Map.of(second, 800), null)).status()).isEqualTo(201);
        assertThat(api.post("/order", orderBody(buyer, Map.of(first, 500, third, 700), null)).status()).isEqualTo(201);
        assertThat(api.post("/order", orderBody(buyer, Map.of(first, 400), null)).status()).isEqualTo(201);
        assertProblem(api.post("/order", orderBody(broke, Map.of(neverSold, 999), null)), 409, "INSUFFICIENT_BALANCE");

        JsonNode top = await(() -> {
            JsonNode ranking = api.get("/topProducts").json();
            return ranking.size() >= 3 && ranking.get(2).get("productId").asLong() == third ? ranking : null;
        }, Duration.ofSeconds(5));
        assertThat(top.size()).isLessThanOrEqualTo(5);
        assertThat(line(top.get(0))).isEqualTo(List.of(1L, first, 900L));
        assertThat(line(top.get(1))).isEqualTo(List.of(2L, second, 800L));
        assertThat(line(top.get(2))).isEqualTo(List.of(3L, third, 700L));
        assertThat(top.get(0).get("name").asString()).startsWith("e2e item");
        assertThat(top.get(0).get("price").asLong()).isEqualTo(1);

        List<Long> everyRanked = new ArrayList<>();
        api.get("/api/v1/rankings/top-products?days=30&limit=100").json()
                .forEach(ranked -> everyRanked.add(ranked.get("productId").asLong()));
        assertThat(everyRanked).contains(first, second, third).doesNotContain(neverSold);
    }

    @Test
    void badRankingParametersGetProblems() {
        assertProblem(api.get("/api/v1/rankings/top-products?days=0"), 400, "INVALID_REQUEST");
        assertProblem(api.get("/api/v1/rankings/top-products?days=31"), 400, "INVALID_REQUEST");
        assertProblem(api.get("/api/v1/rankings/top-products?limit=101"), 400, "INVALID_REQUEST");
        Response response = api.get("/api/v1/rankings/top-products?days=abc");
        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains("days");
    }

    private static List<Long> line(JsonNode ranked) {
        return List.of(ranked.get("rank").asLong(), ranked.get("productId").asLong(),
                ranked.get("soldQuantity").asLong());
    }
}
