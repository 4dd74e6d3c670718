package io.shopsaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** A client's view: the gateway and balance-service as processes, driven only through the gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BalanceThroughGatewayE2eTests {

    static SystemUnderTest system;
    static HttpApi api;
    static final long USER = TestIds.next();

    @BeforeAll
    static void startSystem() {
        system = SystemUnderTest.get();
        api = system.gatewayApi();
    }

    @Test
    @Order(1)
    void seedAliasesChargeAndReadTheBalanceExactly() {
        Response charged = api.post("/chargeBalance", "{\"userId\":" + USER + ",\"amount\":5000}");
        Response read = api.get("/getBalance?userId=" + USER);

        assertThat(charged.status()).isEqualTo(200);
        assertThat(charged.body()).isEqualTo("{\"userId\":" + USER + ",\"balance\":5000}");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"userId\":" + USER + ",\"balance\":5000}");
    }

    @Test
    @Order(2)
    void restEndpointsChargeOncePerIdempotencyKeyAndListHistory() {
        long user = TestIds.next();
        Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + user);

        Response first = api.post("/api/v1/balances/" + user + "/charges", "{\"amount\":1200}", key);
        Response repeat = api.post("/chargeBalance", "{\"userId\":" + user + ",\"amount\":1200}", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(api.get("/api/v1/balances/" + user).json().get("balance").asLong()).isEqualTo(1200);
        JsonNode history = api.get("/api/v1/balances/" + user + "/history?page=0&size=20").json();
        assertThat(history.get("totalElements").asLong()).isEqualTo(1);
        assertThat(history.get("content").get(0).get("type").asString()).isEqualTo("CHARGE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "GET  | /getBalance                          |                                  | userId",
            "GET  | /getBalance?userId=abc               |                                  | userId",
            "GET  | /getBalance?userId=0                 |                                  | userId",
            "GET  | /api/v1/balances/-3                  |                                  | userId",
            "POST | /chargeBalance                       | {\"amount\":5000}                 | userId",
            "POST | /chargeBalance                       | {\"userId\":\"x\",\"amount\":5000}  | userId",
            "POST | /chargeBalance                       | {\"userId\":1,\"amount\":0}        | amount",
            "POST | /chargeBalance                       | {\"userId\":1,\"amount\":1.5}      | amount",
            "POST | /chargeBalance                       | {\"userId\":1,\"amount\":         | ",
            "POST | /api/v1/balances/1/charges           | {\"amount\":\"many\"}               | amount",
            "POST | /api/v1/balances/1/charges           | {\"amount\":10000001}             | amount"})
    @Order(3)
    void badInputThroughTheGatewayGetsAProblemNamingTheField(String method, String path, String body, String field) {
        Response response = api.send(method, path, body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));

        assertProblem(response, 400, "INVALID_REQUEST");
        if (field != null) {
            assertThat(response.json().get("detail").asString()).contains(field);
        }
    }

    @Test
    @Order(4)
    void oversizedBodiesAndUnknownPathsGetProblems() {
        String big = "{\"userId\":" + USER + ",\"amount\":1,\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";

        assertProblem(api.post("/chargeBalance", big), 400, "INVALID_REQUEST");
        assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
        assertThat(api.get("/getBalance?userId=" + USER).json().get("balance").asLong()).isEqualTo(5000);
    }

    @Test
    @Order(5)
    void theRequestIdReachesTheServiceAndItsLogs() throws InterruptedException {
        String requestId = "e2e-trace-" + TestIds.next();

        Response response = api.get("/getBalance?userId=" + USER, Map.of("X-Request-Id", requestId));

        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        Instant deadline = Instant.now().plusSeconds(5);
        while (!system.balance.logText().contains(requestId) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(system.balance.logText()).contains(requestId);
        assertThat(api.get("/getBalance?userId=" + USER).header("X-Request-Id")).isNotBlank();
    }

    @Test
    @Order(6)
    void servicesActuatorEndpointsAreNotReachableThroughTheGateway() {
        for (String path : new String[] {"/api/v1/balances/1/../../../actuator/env", "/balance-service/actuator/health",
                "/api/v1/actuator/prometheus"}) {
            Response response = api.get(path);
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("\"propertySources\"");
        }
        // Nor is the gateway's own: it listens on its management port, not on the public one.
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(api.get("/actuator/health").status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void whenBalanceServiceIsDownClientsGet503QuicklyAndNothingIsLost() {
        system.balance.stop();
        try {
            Instant start = Instant.now();
            Response down = api.get("/getBalance?userId=" + USER);
            Duration took = Duration.between(start, Instant.now());

            assertProblem(down, 503, "SERVICE_UNAVAILABLE");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertProblem(api.post("/chargeBalance", "{\"userId\":" + USER + ",\"amount\":1}"), 503,
                    "SERVICE_UNAVAILABLE");
        }
        finally {
            system.balance.start();
        }
        awaitBalanceRoute();
        assertThat(api.get("/getBalance?userId=" + USER).body()).isEqualTo("{\"userId\":" + USER + ",\"balance\":5000}");
    }

    /** After a restart the gateway's circuit may still be open for its wait duration; wait it out. */
    private static void awaitBalanceRoute() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && api.get("/getBalance?userId=" + USER).status() != 200) {
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }
}
