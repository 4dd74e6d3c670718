package io.shopsaga.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.TestCoupons;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.GateAnswer;
import io.shopsaga.coupon.persistence.GateState;
import io.shopsaga.coupon.persistence.GrantToken;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.HttpApi.Response;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What happens when a step fails: MySQL failing after the Redis grant, a process dying between the two,
 * Redis losing a campaign's state, Redis being wrong. Redis never decides alone, and nothing promised is lost.
 */
@ServiceIntegrationTest
class IssuanceRecoveryTests {

    @LocalServerPort
    int port;

    @Autowired
    CouponService coupons;

    @Autowired
    IssuanceService issuance;

    @Autowired
    CouponRepository couponRows;

    @Autowired
    IssuedCouponRepository issuedCoupons;

    @Autowired
    RedisIssuanceGate gate;

    @Autowired
    GateReconciliation reconciliation;

    @Autowired
    GateWarmUp warmUp;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = HttpApi.onPort(port);
    }

    @Test
    void aFailedDurableWriteIsNotAnsweredIssuedAndGivesTheGrantBack() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(3)).id();
        long user = TestIds.next();
        String trigger = "fail_issue_" + couponId;
        // A real MySQL failure of the insert, for this campaign only.
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON issued_coupon FOR EACH ROW BEGIN "
                + "IF NEW.coupon_id = " + couponId + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'outage'; "
                + "END IF; END");
        double fallbacksBefore = meters.get("coupon.issue.batch.fallbacks").counter().count();
        Response refused;
        try {
            refused = issue(couponId, user);
        }
        finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger);
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(gate.state(couponId)).contains(new GateState(3, 3, 0));
        assertThat(gate.grants(couponId)).doesNotContainKey(user);
        assertThat(issuedCoupons.countFor(couponId)).isZero();
        // The batch failed as a whole, then the grant failed on its own too, which is what the answer says.
        assertThat(meters.get("coupon.issue.batch.fallbacks").counter().count() - fallbacksBefore).isEqualTo(1.0);

        Response retried = issue(couponId, user);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(gate.state(couponId)).contains(new GateState(3, 2, 1));
        assertThat(couponRows.find(couponId).orElseThrow().issuedQuantity()).isEqualTo(1);
    }

    @Test
    void aGrantOrphanedByACrashIsGivenBackByReconciliationAfterTheGracePeriod() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(2)).id();
        long holder = TestIds.next();
        long crashed = TestIds.next();
        long inFlight = TestIds.next();
        issuance.issue(couponId, holder, null);
        // Granted in Redis by a process that died before writing MySQL, ten minutes ago.
        assertThat(gate.tryGrant(couponId, crashed, GrantToken.newAt(Instant.now().minus(Duration.ofMinutes(10)))))
                .isEqualTo(GateAnswer.GRANTED);
        assertThatThrownBy(() -> issuance.issue(couponId, inFlight, null))
                .isInstanceOfSatisfying(BusinessException.class,
                        ex -> assertThat(ex.code()).isEqualTo("COUPON_SOLD_OUT"));

        GateReconciliation.Report report = reconciliation.reconcileAll();

        assertThat(report.of(couponId)).get().satisfies(result -> {
            assertThat(result.drift()).isEqualTo(1);
            assertThat(result.staleGrantsReleased()).isEqualTo(1);
        });
        assertThat(meters.get("coupon.redis.drift").gauge().value()).isEqualTo(report.totalDrift()).isPositive();
        assertThat(meters.get("coupon.redis.repairs").tag("kind", "stale_grant").counter().count()).isPositive();
        assertThat(gate.grants(couponId).keySet()).containsExactly(holder);
        assertThat(issuance.issue(couponId, inFlight, null).userId()).isEqualTo(inFlight);
        assertThat(reconciliation.reconcileAll().of(couponId)).get()
                .satisfies(result -> assertThat(result.drift()).isZero());
    }

    @Test
    void aYoungGrantWithoutItsRowIsLeftAloneItMayStillBeOnItsWay() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(2)).id();
        long user = TestIds.next();
        gate.tryGrant(couponId, user, GrantToken.newAt(Instant.now()));

        GateReconciliation.Report report = reconciliation.reconcileAll();

        assertThat(report.of(couponId)).get().satisfies(result -> {
            assertThat(result.drift()).isEqualTo(1);
            assertThat(result.staleGrantsReleased()).isZero();
        });
        assertThat(gate.grants(couponId)).containsKey(user);
    }

    @Test
    void aMissingStateIsRefusedAsRetryableWhileRebuildingThenRebuiltFromMySql() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(5)).id();
        long first = TestIds.next();
        long second = TestIds.next();
        assertThat(issue(couponId, first).status()).isEqualTo(201);
        redis.delete(List.of(gate.stateKey(couponId), gate.grantsKey(couponId)));
        redis.opsForValue().set(gate.lockKey(couponId), "another-instance", Duration.ofSeconds(30));

        Response whileRebuilding = issue(couponId, second);

        assertThat(whileRebuilding.status()).as(whileRebuilding.body()).isEqualTo(503);
        assertThat(whileRebuilding.json().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(whileRebuilding.header("Retry-After")).isEqualTo("1");

        redis.delete(gate.lockKey(couponId));
        assertThat(issue(couponId, second).status()).isEqualTo(201);
        assertThat(issue(couponId, first).json().get("code").asString()).isEqualTo("COUPON_ALREADY_ISSUED");
        assertThat(gate.state(couponId)).contains(new GateState(5, 3, 2));
        assertThat(gate.grants(couponId).keySet()).isEqualTo(Set.of(first, second));
    }

    @Test
    void mySqlRefusesWhatAWrongRedisGrantsAndRedisIsRebuilt() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(2)).id();
        long first = TestIds.next();
        long second = TestIds.next();
        long latecomer = TestIds.next();
        issuance.issue(couponId, first, null);
        issuance.issue(couponId, second, null);
        // Redis forgets a holder and thinks a unit is free (consistent, but wrong).
        redis.opsForHash().delete(gate.grantsKey(couponId), Long.toString(first));
        redis.opsForHash().increment(gate.stateKey(couponId), "remaining", 1);

        assertThat(api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + latecomer + "}")
                .json().get("code").asString()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(issue(couponId, first).json().get("code").asString()).isEqualTo("COUPON_ALREADY_ISSUED");

        assertThat(issuedCoupons.countFor(couponId)).isEqualTo(2);
        assertThat(couponRows.find(couponId).orElseThrow().issuedQuantity()).isEqualTo(2);
        assertThat(gate.state(couponId)).contains(new GateState(2, 0, 2));
        assertThat(gate.grants(couponId).keySet()).isEqualTo(Set.of(first, second));
    }

    @Test
    void reconciliationRebuildsAStateThatLostAGrantWhoseRowIsInMySql() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(4)).id();
        long holder = TestIds.next();
        issuance.issue(couponId, holder, null);
        redis.opsForHash().delete(gate.grantsKey(couponId), Long.toString(holder));
        redis.opsForHash().increment(gate.stateKey(couponId), "remaining", 1);

        GateReconciliation.Report report = reconciliation.reconcileAll();

        assertThat(report.of(couponId)).get().satisfies(result -> {
            assertThat(result.drift()).isEqualTo(1);
            assertThat(result.rebuilt()).isTrue();
        });
        assertThat(gate.state(couponId)).contains(new GateState(4, 3, 1));
        assertThat(gate.grants(couponId)).containsOnlyKeys(holder);
    }

    @Test
    void startUpBuildsTheStateOfEveryCampaignStillIssuing() {
        long couponId = TestCoupons.create(coupons, TestCoupons.amount(7)).id();
        long holder = TestIds.next();
        issuance.issue(couponId, holder, null);
        redis.delete(List.of(gate.stateKey(couponId), gate.grantsKey(couponId)));

        warmUp.run(null);

        assertThat(gate.state(couponId)).contains(new GateState(7, 6, 1));
        assertThat(gate.grants(couponId)).containsOnlyKeys(holder);
    }

    @Test
    void aNewCampaignStartsFromMySqlWhateverRedisHeldUnderItsId() {
        long nextId = TestCoupons.create(coupons, TestCoupons.amount(1)).id() + 1;
        // Leftovers of a campaign that had this id before a database reset.
        redis.opsForHash().put(gate.stateKey(nextId), "total", "9");
        redis.opsForHash().put(gate.stateKey(nextId), "remaining", "8");
        redis.opsForHash().put(gate.grantsKey(nextId), "42", "1:old");

        long couponId = TestCoupons.create(coupons, TestCoupons.amount(3)).id();

        assertThat(couponId).isEqualTo(nextId);
        assertThat(gate.state(couponId)).contains(new GateState(3, 3, 0));
        assertThat(issuance.issue(couponId, 42, null).userId()).isEqualTo(42);
    }

    private Response issue(long couponId, long user) {
        return api.post("/api/v1/coupons/" + couponId + "/issue", "{\"userId\":" + user + "}");
    }
}
