package io.shopsaga.coupon.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class CouponApiTests {

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
    void createsACampaignWithItsLocationAndReadsItBack() {
        Response created = api.post("/api/v1/coupons",
                "{\"name\":\"Winter sale\",\"discountType\":\"AMOUNT\",\"discountValue\":3000,\"totalQuantity\":100}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/coupons/" + id);
        String expected = "{\"id\":" + id + ",\"name\":\"Winter sale\",\"discountType\":\"AMOUNT\",\"discountValue\":3000,"
                + "\"totalQuantity\":100,\"issuedQuantity\":0,\"remainingQuantity\":100}";
        assertThat(created.body()).isEqualTo(expected);
        Response read = api.get("/api/v1/coupons/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(expected);
    }

    @Test
    void showsTheIssueWindowWhenOneIsSet() {
        JsonNode coupon = api.post("/api/v1/coupons", "{\"name\":\"Flash\",\"discountType\":\"PERCENT\",\"discountValue\":15,"
                + "\"totalQuantity\":5,\"issueStartsAt\":\"2026-11-24T10:00:00+09:00\","
                + "\"issueEndsAt\":\"2026-11-24T11:00:00+09:00\"}").json();

        assertThat(Instant.parse(coupon.get("issueStartsAt").asString())).isEqualTo("2026-11-24T01:00:00Z");
        assertThat(Instant.parse(coupon.get("issueEndsAt").asString())).isEqualTo("2026-11-24T02:00:00Z");
        assertThat(coupon.get("discountType").asString()).isEqualTo("PERCENT");
    }

    @Test
    void issuesACouponThatTheCampaignAndTheUserThenShow() {
        long couponId = createCoupon("AMOUNT", 3000, 10);

        Response issued = issue(couponId, userId);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode body = issued.json();
        assertThat(body.get("issuedCouponId").asLong()).isPositive();
        assertThat(body.get("couponId").asLong()).isEqualTo(couponId);
        assertThat(body.get("userId").asLong()).isEqualTo(userId);
        assertThat(body.get("status").asString()).isEqualTo("AVAILABLE");
        assertThat(body.get("issuedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
        JsonNode coupon = api.get("/api/v1/coupons/" + couponId).json();
        assertThat(coupon.get("issuedQuantity").asInt()).isEqualTo(1);
        assertThat(coupon.get("remainingQuantity").asInt()).isEqualTo(9);
        Response mine = api.get("/api/v1/users/" + userId + "/coupons");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json()).hasSize(1);
        JsonNode held = mine.json().get(0);
        assertThat(held.get("issuedCouponId").asLong()).isEqualTo(body.get("issuedCouponId").asLong());
        assertThat(held.get("couponId").asLong()).isEqualTo(couponId);
        assertThat(held.get("name").asString()).startsWith("Coupon ");
        assertThat(held.get("discountType").asString()).isEqualTo("AMOUNT");
        assertThat(held.get("discountValue").asLong()).isEqualTo(3000);
        assertThat(held.get("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void aUserWithoutCouponsHasAnEmptyList() {
        Response mine = api.get("/api/v1/users/" + userId + "/coupons");

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo("[]");
    }

    @Test
    void refusesASecondCouponOfTheSameCampaignToOneUser() {
        long couponId = createCoupon("AMOUNT", 1000, 10);
        issue(couponId, userId);

        assertProblem(issue(couponId, userId), 409, "COUPON_ALREADY_ISSUED");
        assertThat(api.get("/api/v1/coupons/" + couponId).json().get("issuedQuantity").asInt()).isEqualTo(1);
    }

    @Test
    void refusesWhenSoldOut() {
        long couponId = createCoupon("PERCENT", 10, 1);
        assertThat(issue(couponId, userId).status()).isEqualTo(201);

        assertProblem(issue(couponId, TestIds.next()), 409, "COUPON_SOLD_OUT");
        assertThat(api.get("/api/v1/coupons/" + couponId).json().get("remainingQuantity").asInt()).isZero();
    }

    @Test
    void refusesOutsideTheIssueWindow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long notYet = createWindowed(now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS));
        long over = createWindowed(now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
        long open = createWindowed(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));

        assertProblem(issue(notYet, userId), 409, "COUPON_NOT_OPEN");
        assertProblem(issue(over, userId), 409, "COUPON_NOT_OPEN");
        assertThat(issue(open, userId).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/coupons/" + notYet).json().get("issuedQuantity").asInt()).isZero();
    }

    @Test
    void answersNotFoundForAnUnknownCampaign() {
        long unknown = 9_000_000_000L + TestIds.next();

        assertProblem(api.get("/api/v1/coupons/" + unknown), 404, "COUPON_NOT_FOUND");
        assertProblem(issue(unknown, userId), 404, "COUPON_NOT_FOUND");
    }

    @Test
    void aRepeatedCreateWithTheSameKeyCreatesOnceAndReplaysTheAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + userId);
        String body = TestCoupons.json("AMOUNT", 500, 20);

        Response first = api.post("/api/v1/coupons", body, key);
        Response repeat = api.post("/api/v1/coupons", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertProblem(api.post("/api/v1/coupons", TestCoupons.json("AMOUNT", 501, 20), key), 409,
                "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRepeatedIssueWithTheSameKeyReplaysTheFirstAnswer() {
        long couponId = createCoupon("AMOUNT", 1000, 10);
        Map<String, String> key = Map.of("Idempotency-Key", "issue-" + userId);

        Response first = api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + userId + "}", key);
        Response repeat = api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + userId + "}", key);
        Response otherUser = api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + TestIds.next() + "}",
                key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertProblem(otherUser, 409, "IDEMPOTENCY_KEY_REUSED");
        assertProblem(issue(couponId, userId), 409, "COUPON_ALREADY_ISSUED");
        JsonNode coupon = api.get("/api/v1/coupons/" + couponId).json();
        assertThat(coupon.get("issuedQuantity").asInt()).isEqualTo(1);
        assertThat(coupon.get("remainingQuantity").asInt()).isEqualTo(9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\":\"x\",\"discountType\":\"FREE\",\"discountValue\":1,\"totalQuantity\":1}      | discountType",
            "{\"name\":\"x\",\"discountType\":\"amount\",\"discountValue\":1,\"totalQuantity\":1}    | discountType",
            "{\"name\":\"x\",\"discountType\":\"PERCENT\",\"discountValue\":101,\"totalQuantity\":1} | discountValue",
            "{\"name\":\"x\",\"discountType\":\"PERCENT\",\"discountValue\":0,\"totalQuantity\":1}   | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":0,\"totalQuantity\":1}    | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":-5,\"totalQuantity\":1}   | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1.5,\"totalQuantity\":1}  | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":\"9\",\"totalQuantity\":1} | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":0}    | totalQuantity",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1000001} | totalQuantity",
            "{\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1}                  | name",
            "{\"name\":\"  \",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1}   | name",
            "{\"name\":\"x\",\"discountValue\":1,\"totalQuantity\":1}                               | discountType",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"totalQuantity\":1}                       | discountValue",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1}                       | totalQuantity",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1,\"issueStartsAt\":\"2026-11-24T11:00:00+09:00\",\"issueEndsAt\":\"2026-11-24T10:00:00+09:00\"} | issueEndsAt",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1,\"issueStartsAt\":\"tomorrow\"} | issueStartsAt",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",\"discountValue\":1,\"totalQuantity\":1,\"issueEndsAt\":\"2026-11-24T10:00:00\"} | issueEndsAt",
            "{\"name\":\"x\",\"discountType\":\"AMOUNT\",                                          | JSON",
            "not json                                                                                | JSON"})
    void refusesBadCampaignsNamingTheField(String body, String namedInDetail) {
        Response response = api.post("/api/v1/coupons", body);

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(response.json().get("detail").asString()).contains(namedInDetail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}                    | userId",
            "{\"userId\":0}        | userId",
            "{\"userId\":-1}       | userId",
            "{\"userId\":\"abc\"}  | userId",
            "{\"userId\":1.5}      | userId",
            "{\"userId\":null}     | userId",
            "{\"userId\":          | JSON",
            "[1]                   | ``"})
    void refusesBadIssueBodies(String body, String namedInDetail) {
        long couponId = createCoupon("AMOUNT", 1000, 10);

        Response response = api.post("/api/v1/coupons/" + couponId + "/issue", body);

        assertProblem(response, 400, "INVALID_REQUEST");
        if (namedInDetail != null) {
            assertThat(response.json().get("detail").asString()).contains(namedInDetail);
        }
        assertThat(api.get("/api/v1/coupons/" + couponId).json().get("issuedQuantity").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void refusesIdsThatAreNotPositiveIntegers(String badId) {
        Response coupon = api.get("/api/v1/coupons/" + badId);
        assertProblem(coupon, 400, "INVALID_REQUEST");
        assertThat(coupon.json().get("detail").asString()).contains("couponId");
        assertProblem(api.post("/api/v1/coupons/" + badId + "/issue", "{\"userId\":1}"), 400, "INVALID_REQUEST");
        Response mine = api.get("/api/v1/users/" + badId + "/coupons");
        assertProblem(mine, 400, "INVALID_REQUEST");
        assertThat(mine.json().get("detail").asString()).contains("userId");
    }

    @Test
    void refusesAMalformedIdempotencyKeyBeforeIssuingAnything() {
        long couponId = createCoupon("AMOUNT", 1000, 10);

        Response response = api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + userId + "}",
                Map.of("Idempotency-Key", "bad key"));

        assertProblem(response, 400, "INVALID_REQUEST");
        assertThat(api.get("/api/v1/coupons/" + couponId).json().get("issuedQuantity").asInt()).isZero();
    }

    @Test
    void exposesHealthGroupsAndPrometheusMetrics() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").body()).contains("\"redis\"");
        assertThat(api.get("/actuator/prometheus").body()).contains("coupon_redis_drift");
    }

    private long createCoupon(String type, long value, int quantity) {
        Response created = api.post("/api/v1/coupons", TestCoupons.json(type, value, quantity));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long createWindowed(Instant startsAt, Instant endsAt) {
        Response created = api.post("/api/v1/coupons", "{\"name\":\"Windowed\",\"discountType\":\"AMOUNT\","
                + "\"discountValue\":1000,\"totalQuantity\":5,\"issueStartsAt\":\"" + startsAt + "\",\"issueEndsAt\":\""
                + endsAt + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private Response issue(long couponId, long user) {
        return api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + user + "}");
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
