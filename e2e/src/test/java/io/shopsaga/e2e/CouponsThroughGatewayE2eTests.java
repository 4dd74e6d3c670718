package io.shopsaga.e2e;

import static io.shopsaga.e2e.BalanceThroughGatewayE2eTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** First come, first served through the gateway: the seed alias, exact counts, refusals and the rate limit. */
class CouponsThroughGatewayE2eTests {

    static HttpApi api;

    @BeforeAll
    static void startSystem() {
        api = SystemUnderTest.get().gatewayApi();
    }

    @Test
    void theSeedAliasIssuesExactlyTheQuantityAndOnePerUser() {
        long coupon = createCoupon(2);
        long first = TestIds.next();
        long second = TestIds.next();

        Response issued = issue(first, coupon);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("couponId").asLong()).isEqualTo(coupon);
        assertThat(issued.json().get("userId").asLong()).isEqualTo(first);
        assertThat(issued.json().get("status").asString()).isEqualTo("AVAILABLE");
        assertProblem(issue(first, coupon), 409, "COUPON_ALREADY_ISSUED");
        assertThat(api.post("/api/v1/coupons/" + coupon + "/issue", "{\"userId\":" + second + "}").status())
                .isEqualTo(201);
        assertProblem(issue(TestIds.next(), coupon), 409, "COUPON_SOLD_OUT");

        JsonNode campaign = api.get("/api/v1/coupons/" + coupon).json();
        assertThat(campaign.get("issuedQuantity").asInt()).isEqualTo(2);
        assertThat(campaign.get("remainingQuantity").asInt()).isZero();
        JsonNode held = api.get("/api/v1/users/" + first + "/coupons").json();
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.get(0).get("issuedCouponId").asLong()).isEqualTo(issued.json().get("issuedCouponId").asLong());
    }

    @Test
    void badInputAndUnknownCouponsGetProblems() {
        long coupon = createCoupon(5);

        assertProblem(api.post("/issueCoupon", "{\"userId\":" + TestIds.next() + "}"), 400, "INVALID_REQUEST");
        assertProblem(api.post("/issueCoupon", "{\"userId\":\"me\",\"couponId\":" + coupon + "}"), 400,
                "INVALID_REQUEST");
        assertProblem(api.post("/api/v1/coupons/" + coupon + "/issue", "{\"userId\":0}"), 400, "INVALID_REQUEST");
        assertProblem(api.post("/api/v1/coupons", "{\"name\":\"x\",\"discountType\":\"FREE\",\"discountValue\":1,"
                + "\"totalQuantity\":1}"), 400, "INVALID_REQUEST");
        assertProblem(issue(TestIds.next(), 999_999_999L), 404, "COUPON_NOT_FOUND");
        assertThat(api.get("/api/v1/coupons/" + coupon).json().get("issuedQuantity").asInt()).isZero();
    }

    @Test
    void oneUserHammeringIssuanceIsRateLimitedWhileOthersAreNot() {
        long coupon = createCoupon(100);
        long hammering = TestIds.next();

        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            Response response = issue(hammering, coupon);
            statuses.add(response.status());
            if (response.status() == 429) {
                limited = response;
            }
        }

        assertThat(limited).as("statuses %s", statuses).isNotNull();
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(1);
        assertThat(issue(TestIds.next(), coupon).status()).isEqualTo(201);
    }

    private static Response issue(long user, long coupon) {
        return api.post("/issueCoupon", "{\"userId\":" + user + ",\"couponId\":" + coupon + "}");
    }

    private static long createCoupon(int quantity) {
        Response created = api.post("/api/v1/coupons", "{\"name\":\"e2e campaign\",\"discountType\":\"AMOUNT\","
                + "\"discountValue\":3000,\"totalQuantity\":" + quantity + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
