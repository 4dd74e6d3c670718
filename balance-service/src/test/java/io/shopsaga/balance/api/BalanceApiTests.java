package io.shopsaga.balance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class BalanceApiTests {

    @LocalServerPort
    int port;

    HttpApi api;
    long userId;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
        userId = TestIds.next();
    }

    @Test
    void aUserWhoNeverChargedHasZero() {
        Response response = api.get("/api/v1/balances/" + userId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"userId\":" + userId + ",\"balance\":0}");
    }

    @Test
    void chargesAddUpAndAreReadBack() {
        assertThat(charge(5000).body()).isEqualTo("{\"userId\":" + userId + ",\"balance\":5000}");
        assertThat(charge(10000).json().get("balance").asLong()).isEqualTo(15000);

        assertThat(api.get("/api/v1/balances/" + userId).json().get("balance").asLong()).isEqualTo(15000);
    }

    @Test
    void historyListsChangesNewestFirstWithPaging() {
        charge(100);
        charge(200);
        charge(300);

        JsonNode page0 = api.get("/api/v1/balances/" + userId + "/history?page=0&size=2").json();
        assertThat(page0.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        assertThat(page0.get("content")).hasSize(2);
        JsonNode newest = page0.get("content").get(0);
        assertThat(newest.get("type").asString()).isEqualTo("CHARGE");
        assertThat(newest.get("amount").asLong()).isEqualTo(300);
        assertThat(newest.get("balanceAfter").asLong()).isEqualTo(600);
        assertThat(newest.get("orderId").isNull()).isTrue();
        assertThat(newest.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");

        JsonNode page1 = api.get("/api/v1/balances/" + userId + "/history?page=1&size=2").json();
        assertThat(page1.get("content")).hasSize(1);
        assertThat(page1.get("content").get(0).get("amount").asLong()).isEqualTo(100);
    }

    @Test
    void refusesAChargeOverTheBalanceLimitAndChangesNothing() {
        for (int i = 0; i < 100; i++) {
            charge(10_000_000);
        }
        assertThat(balance()).isEqualTo(1_000_000_000);

        Response refused = charge(1);

        assertProblem(refused, 409, "BALANCE_LIMIT_EXCEEDED");
        assertThat(balance()).isEqualTo(1_000_000_000);
        assertThat(api.get("/api/v1/balances/" + userId + "/history").json().get("totalElements").asLong())
                .isEqualTo(100);
    }

    @Test
    void aRepeatedRequestWithTheSameKeyChargesOnceAndReplaysTheAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", "charge-" + userId);

        Response first = api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":700}", key);
        charge(50);
        Response repeat = api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":700}", key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(balance()).isEqualTo(750);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Map<String, String> key = Map.of("Idempotency-Key", "reuse-" + userId);
        api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":700}", key);

        Response reused = api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":701}", key);

        assertProblem(reused, 409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(balance()).isEqualTo(700);
    }

    @Test
    void aKeyOfAnotherUsersChargeDoesNotReplayAcrossUsers() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key-" + userId);
        long otherUser = TestIds.next();
        api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":100}", key);

        Response other = api.post("/api/v1/balances/" + otherUser + "/charges", "{\"amount\":100}", key);

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("userId").asLong()).isEqualTo(otherUser);
    }

    @Test
    void aRefusedChargeDoesNotBurnItsIdempotencyKey() {
        Map<String, String> key = Map.of("Idempotency-Key", "refused-" + userId);
        for (int i = 0; i < 100; i++) {
            charge(10_000_000);
        }

        assertProblem(api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":5}", key), 409,
                "BALANCE_LIMIT_EXCEEDED");
        assertProblem(api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":5}", key), 409,
                "BALANCE_LIMIT_EXCEEDED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"amount\":0}                      | amount",
            "{\"amount\":-5}                     | amount",
            "{\"amount\":10000001}               | amount",
            "{\"amount\":5000.5}                 | amount",
            "{\"amount\":\"5000\"}               | amount",
            "{\"amount\":\"abc\"}                | amount",
            "{\"amount\":true}                   | amount",
            "{\"amount\":99999999999999999999}   | amount",
            "{\"amount\":null}                   | amount",
            "{}                                 | amount",
            "{\"amount\":                        | JSON",
            "not json                           | JSON",
            "[1,2]                              | ",
            "{\"amount\":5000} trailing          | JSON"})
    void refusesBadChargeBodiesNamingTheFieldAndChangesNothing(String body, String namedInDetail) {
        Response response = api.post("/api/v1/balances/" + userId + "/charges", body);

        assertProblem(response, 400, "INVALID_REQUEST");
        if (namedInDetail != null) {
            assertThat(response.json().get("detail").asString()).contains(namedInDetail);
        }
        assertThat(balance()).isZero();
    }

    @Test
    void refusesAnEmptyBody() {
        Response response = api.send("POST", "/api/v1/balances/" + userId + "/charges", "",
                Map.of("Content-Type", "application/json"));

        assertProblem(response, 400, "INVALID_REQUEST");
    }

    @Test
    void refusesABodyOver64KiB() {
        String body = "{\"amount\":5000,\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";

        Response response = api.post("/api/v1/balances/" + userId + "/charges", body);

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(balance()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void refusesUserIdsThatAreNotPositiveIntegers(String badId) {
        assertProblem(api.get("/api/v1/balances/" + badId), 400, "INVALID_REQUEST");
        assertProblem(api.post("/api/v1/balances/" + badId + "/charges", "{\"amount\":5}"), 400, "INVALID_REQUEST");
        assertThat(api.get("/api/v1/balances/" + badId).json().get("detail").asString()).contains("userId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=0", "size=101", "page=x", "size=1.5"})
    void refusesHistoryPagingOutOfBounds(String query) {
        assertProblem(api.get("/api/v1/balances/" + userId + "/history?" + query), 400, "INVALID_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad key with spaces", "k12345678901234567890123456789012345678901234567890123456789012345", "key.with.dots"})
    void refusesMalformedIdempotencyKeys(String key) {
        Response response = api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":5}",
                Map.of("Idempotency-Key", key));

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(balance()).isZero();
    }

    @Test
    void answersUnknownPathsAndMethodsWithProblems() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertProblem(api.send("DELETE", "/api/v1/balances/" + userId, null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.send("POST", "/api/v1/balances/" + userId + "/charges", "amount=5",
                Map.of("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void echoesAValidRequestIdAndMintsOneOtherwise() {
        Response echoed = api.get("/api/v1/balances/" + userId, Map.of("X-Request-Id", "client-id-1"));
        Response minted = api.get("/api/v1/balances/" + userId);
        Response replaced = api.get("/api/v1/balances/" + userId, Map.of("X-Request-Id", "bad id!"));

        assertThat(echoed.header("X-Request-Id")).isEqualTo("client-id-1");
        assertThat(minted.header("X-Request-Id")).isNotBlank();
        assertThat(replaced.header("X-Request-Id")).isNotEqualTo("bad id!").isNotBlank();
    }

    @Test
    void exposesHealthGroupsAndPrometheusMetrics() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"");
        assertThat(api.get("/actuator/prometheus").body()).contains("http_server_requests_seconds");
    }

    private Response charge(long amount) {
        Response response = api.post("/api/v1/balances/" + userId + "/charges", "{\"amount\":" + amount + "}");
        return response;
    }

    private long balance() {
        return api.get("/api/v1/balances/" + userId).json().get("balance").asLong();
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
