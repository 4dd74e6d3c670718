package io.shopsaga.dataplatform.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.Topics;
import io.shopsaga.dataplatform.DataPlatformIntegrationTest;
import io.shopsaga.dataplatform.TestOrders;
import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryStatus;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** OrderCompleted over the real broker to the platform over real HTTP: once, with retries, giving up, re-sent. */
class OrderDeliveryTests extends DataPlatformIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    long orderId = TestIds.next();
    long userId = TestIds.next();

    @Test
    void postsTheOrderDocumentWithItsIdempotencyKey() {
        double deliveredBefore = count("shopsaga.dataplatform.delivered");

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastHttpStatus()).isEqualTo(200);
        assertThat(delivery.lastError()).isNull();
        assertThat(delivery.deliveredAt()).isNotNull();
        LoggedRequest request = single(platform.requestsOf(orderId));
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("order-" + orderId);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(request.getBodyAsString()).isEqualTo(TestOrders.expectedDocument(orderId, userId));
        assertThat(count("shopsaga.dataplatform.delivered")).isGreaterThanOrEqualTo(deliveredBefore + 1);
    }

    @Test
    void anEventDeliveredTwiceIsPostedOnce() {
        OrderCompleted event = TestOrders.completed(orderId, userId);

        publish(event);
        RecordMetadata second = publish(event);

        awaitAcknowledged(second);
        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(platform.requestsOf(orderId)).hasSize(1);
    }

    @Test
    void aRedeliveryAfterTheDeliveryChangesNothing() {
        OrderCompleted event = TestOrders.completed(orderId, userId);
        publish(event);
        Delivery first = awaitStatus(orderId, DeliveryStatus.DELIVERED);

        awaitAcknowledged(publish(event));

        assertThat(find(orderId)).contains(first);
        assertThat(platform.requestsOf(orderId)).hasSize(1);
    }

    @Test
    void retriesServerErrorsAndThrottlingUntilThePlatformAccepts() {
        double retriedBefore = count("shopsaga.dataplatform.retried");
        platform.answerInTurn(orderId, aResponse().withStatus(500).withBody("boom"), aResponse().withStatus(429));

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastError()).isEqualTo("HTTP 429");
        assertThat(delivery.lastHttpStatus()).isEqualTo(200);
        List<LoggedRequest> requests = platform.requestsOf(orderId);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.getFirst().getBodyAsString());
        assertThat(count("shopsaga.dataplatform.retried")).isGreaterThanOrEqualTo(retriedBefore + 2);
    }

    @Test
    void waitsAsLongAsTheThrottlingPlatformAsksUpToTheLongestBackoff() {
        // Asked for 2 minutes; the longest pause is max-backoff (200 ms here), four times the first backoff (50 ms).
        platform.answerInTurn(orderId, aResponse().withStatus(429).withHeader("Retry-After", "120"));

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.lastError()).isEqualTo("HTTP 429");
        List<LoggedRequest> requests = platform.requestsOf(orderId);
        assertThat(requests).hasSize(2);
        long pauseMillis = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(pauseMillis).isBetween(195L, 5_000L);
    }

    @Test
    void retriesAnAnswerSlowerThanTheReadTimeout() {
        platform.answerInTurn(orderId, aResponse().withStatus(200).withFixedDelay(1_500));

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.lastError()).isEqualTo("read timeout: no answer within 700 ms");
        assertThat(delivery.lastHttpStatus()).isEqualTo(200);
        assertThat(platform.requestsOf(orderId)).hasSize(2);
    }

    @Test
    void aDuplicateAnswerCountsAsDelivered() {
        platform.answer(orderId, aResponse().withStatus(409).withBody("{\"error\":\"duplicate\"}"));

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastHttpStatus()).isEqualTo(409);
        assertThat(platform.requestsOf(orderId)).hasSize(1);
    }

    @Test
    void aRefusedRequestFailsAtOnceWithoutRetrying() {
        double failedBefore = count("shopsaga.dataplatform.failed", "permanent");
        platform.answer(orderId, aResponse().withStatus(400).withBody("{\"error\":\"unknown field\"}"));

        publish(TestOrders.completed(orderId, userId));

        Delivery delivery = awaitStatus(orderId, DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastHttpStatus()).isEqualTo(400);
        assertThat(delivery.lastError()).isEqualTo("HTTP 400: {\"error\":\"unknown field\"}");
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.deliveredAt()).isNull();
        assertThat(platform.requestsOf(orderId)).hasSize(1);
        assertThat(count("shopsaga.dataplatform.failed", "permanent")).isGreaterThanOrEqualTo(failedBefore + 1);
    }

    @Test
    void failsAfterEveryAttemptFoundThePlatformDownAndIsDeliveredOnceOnAnOperatorRetry() {
        double exhaustedBefore = count("shopsaga.dataplatform.failed", "exhausted");
        platform.stop();
        Delivery failed;
        try {
            publish(TestOrders.completed(orderId, userId));
            failed = awaitStatus(orderId, DeliveryStatus.FAILED);
        }
        finally {
            platform.start();
        }
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastHttpStatus()).isNull();
        assertThat(failed.lastError()).contains("ConnectException").contains("gave up after 4 attempts");
        assertThat(count("shopsaga.dataplatform.failed", "exhausted")).isGreaterThanOrEqualTo(exhaustedBefore + 1);

        HttpApi.Response retry = api.post("/api/v1/deliveries/" + orderId + "/retry", "");

        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(retry.json().get("status").asString()).isIn("PENDING", "DELIVERED");
        Delivery delivered = awaitStatus(orderId, DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(5);
        assertThat(single(platform.requestsOf(orderId)).getHeader("Idempotency-Key")).isEqualTo("order-" + orderId);
    }

    @Test
    void ignoresOtherContractMessagesOnTheTopic() {
        DeductBalance notAnEvent = new DeductBalance(UUID.randomUUID(), orderId, Instant.now(), userId, 1_000);

        awaitAcknowledged(publish(notAnEvent));

        assertThat(find(orderId)).isEmpty();
        assertThat(platform.requestsOf(orderId)).isEmpty();
    }

    @Test
    void deadLettersARecordOfUnknownType() {
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.ORDER_EVENTS, Long.toString(orderId), "{}");
        poison.headers().add("shopsaga-type", "NoSuchEvent".getBytes(StandardCharsets.UTF_8));

        publish(poison);

        try (KafkaProbe dlt = new KafkaProbe(bootstrapServers, Topics.deadLetter(Topics.ORDER_EVENTS))) {
            assertThat(dlt.awaitKey(Long.toString(orderId), 1).getFirst().value()).isEqualTo("{}");
        }
        assertThat(find(orderId)).isEmpty();
    }

    private double count(String name, String reason) {
        return meters.get(name).tag("reason", reason).counter().count();
    }

    private double count(String name) {
        return meters.get(name).counter().count();
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }
}
