package io.shopsaga.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order and the message it implies commit together, in the wire format of libs/contracts, and get sent. */
class OrderOutboxTests extends OrderServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void storesTheFirstCommandWithTheOrderAndMarksItSentOnceTheBrokerHasIt() {
        long user = TestIds.next();
        long product = TestIds.next();
        participants.silentProducts.add(product);

        long orderId = api.post("/api/v1/orders", order(user, product, 2, null)).json().get("orderId").asLong();

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT topic, message_type, payload, sent_at FROM outbox_message WHERE message_key = :key ORDER BY id""")
                .param("key", Long.toString(orderId)).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("topic")).isEqualTo("stock.commands.v1");
            assertThat(row.get("message_type")).isEqualTo("ReserveStock");
            assertThat((String) row.get("payload"))
                    .contains("\"orderId\":" + orderId)
                    .contains("\"items\":[{\"productId\":" + product + ",\"quantity\":2}]")
                    .containsPattern("\"occurredAt\":\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\"")
                    .containsPattern("\"messageId\":\"[0-9a-f-]{36}\"");
        });
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM outbox_message WHERE message_key = :key AND sent_at IS NULL")
                .param("key", Long.toString(orderId)).query(Long.class).single() == 0);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> participants.commandsOf(orderId).equals(List.of("ReserveStock")));
    }
}
