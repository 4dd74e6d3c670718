package io.shopsaga.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.defaults.messaging.Outbox;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.order.OrderServiceIntegrationTest;
import io.shopsaga.order.config.OrderProperties;
import io.shopsaga.order.domain.Order;
import io.shopsaga.order.domain.OrderLine;
import io.shopsaga.order.persistence.OrderRepository;
import io.shopsaga.testsupport.TestIds;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders placed while a batch is being stored wait for it, then go together: one transaction, one multi-row INSERT
 * (their ids consecutive, in the order they came), each with its lines and its first command. The orders table is
 * held with {@code LOCK TABLES} from another session to keep the writer busy with a first batch meanwhile. A batch
 * that fails before its commit is placed again order by order; one whose commit failed, which may be stored, is not.
 */
class PlacementWriterTests extends OrderServiceIntegrationTest {

    @Autowired
    PlacementWriter writer;

    @Autowired
    OrderRepository orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Outbox outbox;

    @Autowired
    OrderProperties properties;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void ordersPlacedWhileABatchIsStoredAreStoredTogetherInTheNextWithTheirLinesAndFirstCommands() throws Exception {
        DistributionSummary sizes = meters.get(PlacementWriter.BATCH_SIZE_METER).summary();
        long batchesBefore = sizes.count();
        double storedBefore = sizes.totalAmount();
        List<List<OrderLine>> lines = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(TestIds.next());
            lines.add(i % 2 == 0 ? List.of(line("Mug", 12_000, 2))
                    : List.of(line("Tea", 900, 1), line("Pot", 30_000, 3)));
        }

        List<CompletableFuture<OptionalLong>> placed = whileTheOrdersTableIsLocked(users, lines);

        List<Long> ids = placed.stream().map(CompletableFuture::join).map(OptionalLong::getAsLong).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(sizes.count() - batchesBefore).isEqualTo(2);
        assertThat(sizes.totalAmount() - storedBefore).isEqualTo(6);
        for (int i = 2; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(ids.get(i - 1) + 1); // the second batch: one INSERT, in arrival order
        }
        for (int i = 0; i < ids.size(); i++) {
            Order stored = orders.find(ids.get(i)).orElseThrow();
            assertThat(stored.userId()).isEqualTo(users.get(i));
            assertThat(stored.lines()).isEqualTo(lines.get(i));
            assertThat(stored.totalAmount()).isEqualTo(lines.get(i).stream().mapToLong(OrderLine::amount).sum());
            assertThat(jdbc.sql("SELECT message_type FROM outbox_message WHERE message_key = :key ORDER BY id")
                    .param("key", Long.toString(ids.get(i))).query(String.class).list())
                    .startsWith("ReserveStock");
        }
    }

    @Test
    void aBatchThatCannotBeStoredWholeKeepsNothingAndSendsEachOfItsOrdersBackToBePlacedAlone() {
        Counter fallbacks = meters.get("order.placement.batch.fallbacks").counter();
        double fallbacksBefore = fallbacks.count();
        List<Long> users = List.of(TestIds.next(), TestIds.next(), TestIds.next());
        List<List<OrderLine>> lines = List.of(List.of(line("Mug", 12_000, 1)), List.of(line("Tea", 900, 1)),
                List.of(line("x".repeat(300), 900, 1))); // longer than the name column

        List<CompletableFuture<OptionalLong>> placed = whileTheOrdersTableIsLocked(users, lines);

        assertThat(placed.get(0).join()).isPresent(); // the first batch, alone
        assertThat(placed.get(1).join()).isEmpty();
        assertThat(placed.get(2).join()).isEmpty();
        assertThat(fallbacks.count() - fallbacksBefore).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE user_id IN (:users)")
                .param("users", users.subList(1, 3)).query(Long.class).single()).isZero();
    }

    @Test
    void aBatchWhoseCommitFailedIsNotPlacedAgainSinceItMayBeStored() {
        Counter fallbacks = meters.get("order.placement.batch.fallbacks").counter();
        double fallbacksBefore = fallbacks.count();
        DataSourceTransactionManager commitFails = new DataSourceTransactionManager(dataSource) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                throw new TransactionSystemException("connection lost during the commit");
            }
        };
        PlacementWriter failing = new PlacementWriter(orders, outbox,
                new RetryingTransactions(new TransactionTemplate(commitFails)), properties, Clock.systemUTC(), meters);
        failing.start();
        try {
            long user = TestIds.next();
            assertThatThrownBy(() -> failing.store(user, List.of(line("Mug", 12_000, 1)), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseInstanceOf(TransactionSystemException.class);
            assertThat(fallbacks.count()).isEqualTo(fallbacksBefore);
        }
        finally {
            failing.stop();
        }
    }

    /**
     * Places the first order while another session holds the orders table, so the writer takes it and waits; the
     * others queue meanwhile, one after the other; then lets go.
     */
    private List<CompletableFuture<OptionalLong>> whileTheOrdersTableIsLocked(List<Long> users,
            List<List<OrderLine>> lines) {
        List<CompletableFuture<OptionalLong>> placed = new ArrayList<>();
        try (Connection session = dataSource.getConnection(); Statement statement = session.createStatement()) {
            statement.execute("LOCK TABLES customer_order WRITE");
            try {
                for (int i = 0; i < users.size(); i++) {
                    long user = users.get(i);
                    List<OrderLine> orderLines = lines.get(i);
                    placed.add(CompletableFuture.supplyAsync(() -> writer.store(user, orderLines, null), clients));
                    int queued = i;
                    // The first is taken at once, and its INSERT waits for the lock; each later one waits in the queue.
                    await().atMost(Duration.ofSeconds(10)).until(() -> queued == 0 ? insertWaitsForTheLock()
                            : writer.waiting() == queued);
                }
            }
            finally {
                statement.execute("UNLOCK TABLES");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return placed;
    }

    private boolean insertWaitsForTheLock() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'INSERT INTO customer_order%'")
                .query(Long.class).single() > 0;
    }

    private static OrderLine line(String name, long unitPrice, int quantity) {
        return new OrderLine(TestIds.next(), name, unitPrice, quantity);
    }
}
