package io.shopsaga.dataplatform.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.shopsaga.dataplatform.DataPlatformIntegrationTest;
import io.shopsaga.dataplatform.TestOrders;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.TestIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The operator API: the delivery log, re-sends of one and of all failed deliveries, problem details. */
class DeliveryApiTests extends DataPlatformIntegrationTest {

    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)";

    long orderId = TestIds.next();

    @Test
    void theLogSaysWhenAndAfterHowManyAttemptsAnOrderWasDelivered() {
        platform.answerInTurn(orderId, aResponse().withStatus(503));
        receive(orderId);
        awaitStatus(orderId, DeliveryStatus.DELIVERED);

        Response response = api.get("/api/v1/deliveries/" + orderId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode log = response.json();
        assertThat(log.get("orderId").asLong()).isEqualTo(orderId);
        assertThat(log.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(log.get("attempts").asInt()).isEqualTo(2);
        assertThat(log.get("lastError").asString()).isEqualTo("HTTP 503");
        assertThat(log.get("lastHttpStatus").asInt()).isEqualTo(200);
        assertThat(log.get("deliveredAt").asString()).matches(ISO_UTC);
        assertThat(log.get("receivedAt").asString()).matches(ISO_UTC);
        assertThat(log.get("lastAttemptAt").asString()).matches(ISO_UTC);
        assertThat(log.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void anOrderNeverReceivedIs404() {
        assertProblem(api.get("/api/v1/deliveries/" + orderId), 404, "DELIVERY_NOT_FOUND");
        assertProblem(api.post("/api/v1/deliveries/" + orderId + "/retry", ""), 404, "DELIVERY_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void refusesOrderIdsThatAreNotPositiveIntegers(String badId) {
        Response read = api.get("/api/v1/deliveries/" + badId);
        assertProblem(read, 400, "INVALID_REQUEST");
        assertThat(read.json().get("detail").asString()).contains("orderId");
        assertProblem(api.post("/api/v1/deliveries/" + badId + "/retry", ""), 400, "INVALID_REQUEST");
    }

    @Test
    void aDeliveredOrderIsNotSentAgain() {
        receive(orderId);
        awaitStatus(orderId, DeliveryStatus.DELIVERED);

        assertProblem(api.post("/api/v1/deliveries/" + orderId + "/retry", ""), 409, "ALREADY_DELIVERED");

        assertThat(platform.requestsOf(orderId)).hasSize(1);
    }

    @Test
    void retriesEveryFailedDeliveryOnce() {
        long other = TestIds.next();
        StubMapping refusal = platform.answer(orderId, aResponse().withStatus(422));
        StubMapping otherRefusal = platform.answer(other, aResponse().withStatus(404));
        receive(orderId);
        receive(other);
        awaitStatus(orderId, DeliveryStatus.FAILED);
        awaitStatus(other, DeliveryStatus.FAILED);
        platform.remove(refusal);
        platform.remove(otherRefusal);

        Response response = api.post("/api/v1/deliveries/failed/retry", "");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("requeued").asInt()).isGreaterThanOrEqualTo(2);
        for (long id : List.of(orderId, other)) {
            assertThat(awaitStatus(id, DeliveryStatus.DELIVERED).attempts()).isEqualTo(2);
            assertThat(platform.requestsOf(id)).extracting(r -> r.getHeader("Idempotency-Key"))
                    .containsExactly("order-" + id, "order-" + id);
        }
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/deliveries/" + orderId + "/retry"), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.send("DELETE", "/api/v1/deliveries/" + orderId, null, Map.of()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void exposesHealthGroupsAndTheDeliveryMetrics() {
        receive(orderId);
        awaitStatus(orderId, DeliveryStatus.DELIVERED);

        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"");
        assertThat(api.get("/actuator/prometheus").body())
                .contains("shopsaga_dataplatform_delivered_total", "shopsaga_dataplatform_retried_total",
                        "shopsaga_dataplatform_failed_total{", "reason=\"permanent\"", "reason=\"exhausted\"",
                        "http_client_requests_seconds_count{", "uri=\"/orders\"");
    }

    private void receive(long id) {
        deliveries.receive(List.of(TestOrders.order(id, TestIds.next())));
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
