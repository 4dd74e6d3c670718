package io.shopsaga.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.GateState;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A campaign opens and a crowd arrives at once, through the HTTP API: never one coupon too many. */
@ServiceIntegrationTest
class ConcurrentIssuanceTests {

    @LocalServerPort
    int port;

    @Autowired
    CouponService coupons;

    @Autowired
    CouponRepository couponRows;

    @Autowired
    IssuedCouponRepository issuedCoupons;

    @Autowired
    RedisIssuanceGate gate;

    @Autowired
    GateReconciliation reconciliation;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
    }

    @Test
    void aThousandUsersForAHundredCouponsGetExactlyAHundred() throws Exception {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(100)).id();
        List<Long> users = users(1_000);
        List<Callable<Response>> requests = new ArrayList<>();
        users.forEach(user -> requests.add(() -> issue(couponId, user)));
        double batchesBefore = batchSizes().count();
        double batchedBefore = batchSizes().totalAmount();

        List<Response> responses = TestCoupons.runAll(requests, 64);

        Map<String, Long> outcomes = tally(responses);
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 100L, "409 COUPON_SOLD_OUT", 900L));
        Set<Long> winners = responses.stream().filter(r -> r.status() == 201)
                .map(r -> r.json().get("userId").asLong()).collect(Collectors.toSet());
        assertThat(winners).hasSize(100);
        assertThat(holdersInMySql(couponId)).isEqualTo(winners);
        assertThat(couponRows.find(couponId).orElseThrow().issuedQuantity()).isEqualTo(100);
        assertRedisAgreesWithMySql(couponId, 100);
        // Each winner was told the id of its own row.
        for (Response won : responses.stream().filter(r -> r.status() == 201).toList()) {
            long user = won.json().get("userId").asLong();
            assertThat(issuedCoupons.findByUser(user)).singleElement()
                    .satisfies(row -> assertThat(row.id()).isEqualTo(won.json().get("issuedCouponId").asLong()));
        }
        // The crowd's grants were written together: all hundred by batches, in fewer transactions than coupons.
        assertThat(batchSizes().totalAmount() - batchedBefore).isEqualTo(100.0);
        assertThat(batchSizes().count() - batchesBefore).isLessThan(100.0);
    }

    private DistributionSummary batchSizes() {
        return meters.get(GrantBatcher.BATCH_SIZE_METER).summary();
    }

    @Test
    void oneUserAskingFiftyTimesAtOnceGetsOneCoupon() throws Exception {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(10)).id();
        long user = TestIds.next();
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(() -> issue(couponId, user));
        }

        Map<String, Long> outcomes = tally(TestCoupons.runAll(requests, 50));

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 1L, "409 COUPON_ALREADY_ISSUED", 49L));
        assertThat(holdersInMySql(couponId)).containsExactly(user);
        assertRedisAgreesWithMySql(couponId, 1);
    }

    @Test
    void redisLosingTheCampaignMidRushStillIssuesExactlyTheQuantity() throws Exception {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(100)).id();
        double rebuildsBefore = rebuilds();
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger refusedWhileRebuilding = new AtomicInteger();
        List<Callable<Response>> requests = new ArrayList<>();
        for (long user : users(600)) {
            requests.add(() -> {
                Response response = issueRetryingWhileUnavailable(couponId, user, refusedWhileRebuilding);
                if (response.status() == 201 && issued.incrementAndGet() == 30) {
                    // Redis restarted empty, or the keys were evicted, while the rush is on.
                    redis.delete(List.of(gate.stateKey(couponId), gate.grantsKey(couponId)));
                }
                return response;
            });
        }

        List<Response> responses = TestCoupons.runAll(requests, 64);

        Map<String, Long> outcomes = tally(responses);
        assertThat(outcomes).as("after %s retryable refusals", refusedWhileRebuilding.get())
                .containsExactlyInAnyOrderEntriesOf(Map.of("201", 100L, "409 COUPON_SOLD_OUT", 500L));
        assertThat(rebuilds()).isGreaterThan(rebuildsBefore);
        Set<Long> winners = responses.stream().filter(r -> r.status() == 201)
                .map(r -> r.json().get("userId").asLong()).collect(Collectors.toSet());
        assertThat(winners).hasSize(100);
        assertThat(holdersInMySql(couponId)).isEqualTo(winners);
        assertThat(couponRows.find(couponId).orElseThrow().issuedQuantity()).isEqualTo(100);
        reconciliation.reconcileAll();
        assertRedisAgreesWithMySql(couponId, 100);
    }

    private double rebuilds() {
        return meters.get("coupon.redis.repairs").tag("kind", "rebuild").counter().count();
    }

    private Response issue(long couponId, long user) {
        return api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + user + "}");
    }

    /** What a well-behaved client does with a retryable 503: wait a little and ask again. */
    private Response issueRetryingWhileUnavailable(long couponId, long user, AtomicInteger refusals)
            throws InterruptedException {
        for (int attempt = 0;; attempt++) {
            Response response = issue(couponId, user);
            if (response.status() != 503 || attempt == 200) {
                return response;
            }
            assertThat(response.header("Retry-After")).isNotBlank();
            refusals.incrementAndGet();
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25));
        }
    }

    private void assertRedisAgreesWithMySql(long couponId, int issued) {
        GateState state = gate.state(couponId).orElseThrow();
        assertThat(state.granted()).isEqualTo(issued);
        assertThat(state.remaining()).isEqualTo(state.total() - issued);
        assertThat(gate.grants(couponId).keySet()).isEqualTo(holdersInMySql(couponId));
    }

    private Set<Long> holdersInMySql(long couponId) {
        return issuedCoupons.holdersAfter(couponId, 0, 1_000_000).stream()
                .map(IssuedCouponRepository.Holder::userId).collect(Collectors.toCollection(HashSet::new));
    }

    private static List<Long> users(int count) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(TestIds.next());
        }
        return users;
    }

    private static Map<String, Long> tally(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(
                r -> r.status() == 201 ? "201" : r.status() + " " + r.json().get("code").asString(),
                Collectors.counting()));
    }
}
