package io.shopsaga.order.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.defaults.messaging.OutboxRelay;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.defaults.persistence.StandaloneWrites;
import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The order and the message it implies commit together, in the wire format of libs/contracts, and get sent: at once
 * by the instance that committed it, or by the polling rounds once it is orphaned.
 */
class OrderOutboxTests extends OrderServiceIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @Autowired
    SagaMessageCodec codec;

    /** Writes of the test's own, committed although the pool does not auto-commit. */
    @Autowired
    StandaloneWrites writes;

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

    @Test
    void aRowThatItsInstanceNeverSentIsSentByThePollingRoundsOnceOrphaned() throws InterruptedException {
        long orderId = TestIds.next();
        long product = TestIds.next();
        participants.silentProducts.add(product);
        long row = insertUnsentReserveStock(orderId, product);

        Thread.sleep(Duration.ofMillis(1_500)); // three polling rounds: the row is too young for them
        assertThat(sentAt(row)).isNull();
        assertThat(participants.commandsOf(orderId)).isEmpty();

        writes.run(() -> jdbc.sql("UPDATE outbox_message SET created_at = created_at - INTERVAL 1 MINUTE WHERE id = :id")
                .param("id", row).update());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> sentAt(row) != null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> participants.commandsOf(orderId).equals(List.of("ReserveStock")));
    }

    @Test
    void deletesSentRowsOnceTheyArePastTheRetention() {
        String key = "prune-" + TestIds.next();
        insertSentRow(key, "sent 8 days ago", 8);
        insertSentRow(key, "sent 6 days ago", 6);

        assertThat(relay.pruneSent()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT payload FROM outbox_message WHERE message_key = :key ORDER BY id")
                .param("key", key).query(String.class).list())
                .containsExactly("sent 6 days ago");
    }

    /** An unsent row that no instance's relay holds in memory: one whose instance died before sending it. */
    private long insertUnsentReserveStock(long orderId, long product) {
        KeyHolder id = new GeneratedKeyHolder();
        writes.run(() -> jdbc.sql("INSERT INTO outbox_message (topic, message_key, message_type, payload) "
                        + "VALUES ('stock.commands.v1', :key, 'ReserveStock', :payload)")
                .param("key", Long.toString(orderId))
                .param("payload", codec.toJson(new ReserveStock(UUID.randomUUID(), orderId, Instant.now(),
                        List.of(new ReserveStock.Item(product, 1)))))
                .update(id));
        return id.getKey().longValue();
    }

    private Object sentAt(long row) {
        return jdbc.sql("SELECT sent_at FROM outbox_message WHERE id = :id").param("id", row).query().listOfRows()
                .getFirst().get("sent_at");
    }

    /** A row as the relay leaves it after the broker acknowledged it, {@code days} ago. */
    private void insertSentRow(String key, String payload, int days) {
        writes.run(() -> jdbc.sql("INSERT INTO outbox_message (topic, message_key, message_type, payload, created_at, "
                + "sent_at) VALUES ('order.events.v1', :key, 'OrderCompleted', :payload, "
                + "CURRENT_TIMESTAMP(6) - INTERVAL :days DAY, CURRENT_TIMESTAMP(6) - INTERVAL :days DAY)")
                .param("key", key).param("payload", payload).param("days", days).update());
    }
}
