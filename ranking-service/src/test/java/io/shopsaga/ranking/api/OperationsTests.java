package io.shopsaga.ranking.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.ranking.RankingServiceIntegrationTest;
import io.shopsaga.testsupport.HttpApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the platform reads from the service: probes, the cache's health, metrics, request ids. */
class OperationsTests extends RankingServiceIntegrationTest {

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        HttpApi.Response response = api.get("/actuator/health/readiness");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        assertThat(response.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void healthReportsTheRedisSetsAsTheRankingCache() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("rankingCache").get("details").get("cache").asString()).isEqualTo("UP");
        assertThat(health.get("components").has("redis")).isFalse();
    }

    @Test
    void exposesTheRankingMetrics() {
        String metrics = api.get("/actuator/prometheus").body();

        assertThat(metrics).contains("ranking_order_events_total", "ranking_cache_available", "ranking_cache_fallbacks_total",
                "ranking_catalog_fallbacks_total");
    }

    @Test
    void answersWithTheClientsRequestId() {
        HttpApi.Response response = api.get("/api/v1/rankings/top-products", Map.of("X-Request-Id", "rank-42"));

        assertThat(response.header("X-Request-Id")).isEqualTo("rank-42");
    }
}
