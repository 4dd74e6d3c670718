package io.shopsaga.dataplatform.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.dataplatform.DataPlatformIntegrationTest;
import io.shopsaga.dataplatform.TestOrders;
import io.shopsaga.dataplatform.application.DataPlatform;
import io.shopsaga.dataplatform.application.DeliveryService;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import io.shopsaga.dataplatform.domain.AttemptResult;
import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryRules;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.dataplatform.persistence.DeliveryRepository;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A round's answers recorded together: every delivery exactly and dated by its own answer, in one statement, and an
 * attempt whose claim was taken over meanwhile not at all. The service's own sender is paused, so each round here is
 * the test's.
 */
class DeliveryRoundTests extends DataPlatformIntegrationTest {

    @Autowired
    DeliverySender sender;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DeliveryRepository repository;

    @Autowired
    RetryingTransactions transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    DataPlatformProperties properties;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void pauseTheSender() {
        sender.stop();
    }

    @AfterEach
    void resumeTheSender() {
        sender.start();
    }

    @Test
    void recordsEveryDeliveryOfARoundExactly() {
        long created = TestIds.next();
        long duplicate = TestIds.next();
        platform.answer(created, aResponse().withStatus(201));
        platform.answer(duplicate, aResponse().withStatus(409));
        Map<Long, Integer> statuses = Map.of(created, 201, duplicate, 409, TestIds.next(), 200, TestIds.next(), 200);
        deliveries.receive(statuses.keySet().stream().map(id -> TestOrders.order(id, TestIds.next())).toList());
        double deliveredBefore = meters.get("shopsaga.dataplatform.delivered").counter().count();

        assertThat(deliveries.deliverDue()).isEqualTo(4);

        statuses.forEach((id, status) -> {
            Delivery delivery = find(id).orElseThrow();
            assertThat(delivery.status()).as("order %d", id).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivery.attempts()).as("order %d", id).isEqualTo(1);
            assertThat(delivery.lastHttpStatus()).as("order %d", id).isEqualTo(status);
            assertThat(delivery.lastError()).as("order %d", id).isNull();
            assertThat(delivery.nextAttemptAt()).as("order %d", id).isNull();
            assertThat(delivery.deliveredAt()).as("order %d", id).isAfterOrEqualTo(delivery.lastAttemptAt());
            assertThat(platform.requestsOf(id)).as("POSTs of order %d", id).hasSize(1);
        });
        assertThat(meters.get("shopsaga.dataplatform.delivered").counter().count()).isEqualTo(deliveredBefore + 4);
    }

    @Test
    void eachDeliveryIsDatedByItsOwnAnswerNotByTheEndOfTheRound() {
        long slow = TestIds.next();
        long quick = TestIds.next();
        DeliveryService round = roundWith((key, document) -> {
            if (key.equals(DeliveryRules.idempotencyKey(slow))) {
                pause(Duration.ofMillis(400));
            }
            return new AttemptResult.Answered(200, "");
        }, new SimpleMeterRegistry());
        round.receive(List.of(TestOrders.order(slow, 1), TestOrders.order(quick, 1)));

        assertThat(round.deliverDue()).isEqualTo(2);

        Delivery quickOne = find(quick).orElseThrow();
        Delivery slowOne = find(slow).orElseThrow();
        assertThat(List.of(quickOne.status(), slowOne.status())).containsOnly(DeliveryStatus.DELIVERED);
        assertThat(quickOne.deliveredAt()).isAfterOrEqualTo(quickOne.lastAttemptAt());
        assertThat(Duration.between(quickOne.deliveredAt(), slowOne.deliveredAt()))
                .isGreaterThan(Duration.ofMillis(150));
    }

    @Test
    void anAttemptWhoseClaimWasTakenOverMeanwhileRecordsNothing() {
        long overtaken = TestIds.next();
        List<Long> others = List.of(TestIds.next(), TestIds.next());
        SimpleMeterRegistry ownMeters = new SimpleMeterRegistry();
        // The platform accepts everything; while order `overtaken` is on its way, its claim runs out and another
        // instance claims it, as claimDue does (one more attempt, a new claim).
        DataPlatform overtakenOnTheWay = (key, document) -> {
            if (key.equals(DeliveryRules.idempotencyKey(overtaken))) {
                transactions.execute(() -> jdbc.sql("""
                        UPDATE order_delivery
                        SET attempts = attempts + 1, round_attempts = round_attempts + 1,
                            claimed_until = TIMESTAMPADD(SECOND, 5, CURRENT_TIMESTAMP(6)),
                            last_attempt_at = CURRENT_TIMESTAMP(6)
                        WHERE order_id = :orderId""").param("orderId", overtaken).update());
            }
            return new AttemptResult.Answered(200, "");
        };
        DeliveryService round = roundWith(overtakenOnTheWay, ownMeters);
        round.receive(List.of(TestOrders.order(overtaken, 1), TestOrders.order(others.get(0), 1),
                TestOrders.order(others.get(1), 1)));

        assertThat(round.deliverDue()).isEqualTo(3);

        Delivery taken = find(overtaken).orElseThrow();
        assertThat(taken.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(taken.attempts()).isEqualTo(2);
        assertThat(taken.deliveredAt()).isNull();
        assertThat(taken.lastHttpStatus()).isNull();
        assertThat(jdbc.sql("SELECT claimed_until > CURRENT_TIMESTAMP(6) FROM order_delivery WHERE order_id = :id")
                .param("id", overtaken).query(Boolean.class).single()).as("the new claim is kept").isTrue();
        for (long id : others) {
            Delivery delivery = find(id).orElseThrow();
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastHttpStatus()).isEqualTo(200);
        }
        assertThat(ownMeters.get("shopsaga.dataplatform.delivered").counter().count()).isEqualTo(2);
    }

    /** The service with a platform of the test's own (no HTTP), counting into {@code meters}. */
    private DeliveryService roundWith(DataPlatform platform, MeterRegistry meters) {
        return new DeliveryService(repository, platform, transactions, json, properties, meters);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
