package io.shopsaga.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.UseCouponReply;
import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.SimulatedParticipants;
import io.shopsaga.testsupport.HttpApi;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The whole saga over the real broker and database, with the participants simulated: every path end to end. */
class OrderSagaFlowTests extends OrderServiceIntegrationTest {

    long user = TestIds.next();
    long product = TestIds.next();
    long coupon = TestIds.next();

    @Test
    void completesWithoutACouponAndPublishesOrderCompletedOnce() {
        HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 3, null), waitFor(10));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        long orderId = body.get("orderId").asLong();
        assertThat(response.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("totalAmount").asLong()).isEqualTo(3_000);
        assertThat(body.get("paidAmount").asLong()).isEqualTo(3_000);
        assertThat(body.get("completedAt").isNull()).isFalse();
        assertThat(participants.commandsOf(orderId)).containsExactly("ReserveStock", "DeductBalance");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> participants.completedEventsOf(orderId).size() == 1);
        assertThat(participants.completedEventsOf(orderId).getFirst().paidAmount()).isEqualTo(3_000);
    }

    @Test
    void completesWithACouponPayingTheTotalMinusTheDiscount() {
        JsonNode body = api.post("/api/v1/orders", order(user, product, 2, coupon), waitFor(10)).json();

        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.get("discountAmount").asLong()).isEqualTo(SimulatedParticipants.DISCOUNT);
        assertThat(body.get("paidAmount").asLong()).isEqualTo(2_000 - SimulatedParticipants.DISCOUNT);
        assertThat(participants.commandsOf(body.get("orderId").asLong()))
                .containsExactly("ReserveStock", "UseCoupon", "DeductBalance");
    }

    @Test
    void outOfStockFailsWithNothingToUndo() {
        participants.outOfStockProducts.add(product);

        HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 1, coupon), waitFor(10));

        long orderId = assertFailed(response, "OUT_OF_STOCK");
        assertThat(participants.commandsOf(orderId)).containsExactly("ReserveStock");
    }

    @Test
    void anUnavailableCouponReleasesTheStock() {
        participants.unavailableCoupons.add(coupon);

        long orderId = assertFailed(api.post("/api/v1/orders", order(user, product, 1, coupon), waitFor(10)),
                "COUPON_UNAVAILABLE");
        assertThat(participants.commandsOf(orderId)).containsExactly("ReserveStock", "UseCoupon", "ReleaseStock");
    }

    @Test
    void anInsufficientBalanceUndoesTheCouponThenTheStockInReverse() {
        participants.poorUsers.add(user);

        long orderId = assertFailed(api.post("/api/v1/orders", order(user, product, 1, coupon), waitFor(10)),
                "INSUFFICIENT_BALANCE");
        assertThat(participants.commandsOf(orderId))
                .containsExactly("ReserveStock", "UseCoupon", "DeductBalance", "RestoreCoupon", "ReleaseStock");
        assertThat(participants.completedEventsOf(orderId)).isEmpty();
    }

    @Test
    void aSilentStepTimesOutIsCompensatedAndALateReplyChangesNothing() {
        participants.silentCoupons.add(coupon);

        HttpApi.Response accepted = api.post("/api/v1/orders", order(user, product, 1, coupon));
        assertThat(accepted.status()).isEqualTo(202);
        long orderId = accepted.json().get("orderId").asLong();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> "FAILED".equals(api.get("/api/v1/orders/" + orderId).json().get("status").asString()));

        assertThat(api.get("/api/v1/orders/" + orderId).json().get("failureCode").asString()).isEqualTo("SAGA_TIMEOUT");
        assertThat(participants.commandsOf(orderId))
                .containsExactly("ReserveStock", "UseCoupon", "RestoreCoupon", "ReleaseStock");

        participants.send(new UseCouponReply(UUID.randomUUID(), orderId, Instant.now(), ReplyOutcome.SUCCEEDED, null,
                SimulatedParticipants.DISCOUNT));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> participants.commandsOf(orderId).size() == 4);
        JsonNode after = api.get("/api/v1/orders/" + orderId).json();
        assertThat(after.get("status").asString()).isEqualTo("FAILED");
        assertThat(after.get("discountAmount").asLong()).isZero();
    }

    @Test
    void aDuplicateReplyIsAppliedOnce() {
        participants.usersAnsweredTwice.add(user);

        JsonNode body = api.post("/api/v1/orders", order(user, product, 1, null), waitFor(10)).json();
        long orderId = body.get("orderId").asLong();

        assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> participants.completedEventsOf(orderId).size() == 1);
        assertThat(participants.commandsOf(orderId)).containsExactly("ReserveStock", "DeductBalance");
    }

    @Test
    void waitingLongerThanTheSagaRunsAnswersPendingWith202() {
        participants.silentProducts.add(product);

        HttpApi.Response response = api.post("/api/v1/orders", order(user, product, 1, null), waitFor(1));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(response.header("Location")).isEqualTo("/api/v1/orders/" + response.json().get("orderId").asLong());
    }

    private long assertFailed(HttpApi.Response response, String code) {
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        long orderId = problem.get("orderId").asLong();
        JsonNode order = api.get("/api/v1/orders/" + orderId).json();
        assertThat(order.get("status").asString()).isEqualTo("FAILED");
        assertThat(order.get("failureCode").asString()).isEqualTo(code);
        assertThat(order.get("completedAt").isNull()).isTrue();
        return orderId;
    }
}
