package io.shopsaga.product.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import io.shopsaga.product.TestProducts;
import io.shopsaga.product.application.ProductCatalog;
import io.shopsaga.product.application.ProductView;
import io.shopsaga.testsupport.KafkaProbe;
import io.shopsaga.testsupport.ServiceIntegrationTest;
import io.shopsaga.testsupport.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/** The saga's stock commands over the real broker: command in, reply out, a redelivery has one effect. */
@ServiceIntegrationTest
class StockCommandTests {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SagaMessageCodec codec;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    long orderId = TestIds.next();

    @Test
    void reservesOnceForADeliveredTwiceCommandAndAnswersBoth() {
        ProductView product = TestProducts.create(catalog, 10);
        ReserveStock reserve = new ReserveStock(UUID.randomUUID(), orderId, Instant.now(),
                List.of(new ReserveStock.Item(product.id(), 4)));

        send(reserve);
        send(reserve);

        assertThat(replies(2)).allSatisfy(reply -> assertThat(reply).isInstanceOfSatisfying(ReserveStockReply.class,
                r -> assertThat(r.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED)));
        assertThat(stockOf(product)).isEqualTo(6);
    }

    @Test
    void refusesAnOrderItCannotServeWhole() {
        ProductView product = TestProducts.create(catalog, 1);

        send(new ReserveStock(UUID.randomUUID(), orderId, Instant.now(), List.of(new ReserveStock.Item(product.id(), 2))));

        assertThat(replies(1)).singleElement().isInstanceOfSatisfying(ReserveStockReply.class, reply -> {
            assertThat(reply.outcome()).isEqualTo(ReplyOutcome.REJECTED);
            assertThat(reply.code()).isEqualTo("OUT_OF_STOCK");
            assertThat(reply.productId()).isEqualTo(product.id());
        });
        assertThat(stockOf(product)).isEqualTo(1);
    }

    @Test
    void releasesWhatTheOrderReserved() {
        ProductView product = TestProducts.create(catalog, 5);
        send(new ReserveStock(UUID.randomUUID(), orderId, Instant.now(), List.of(new ReserveStock.Item(product.id(), 5))));

        send(new ReleaseStock(UUID.randomUUID(), orderId, Instant.now()));

        assertThat(replies(2)).last().isInstanceOfSatisfying(ReleaseStockReply.class,
                reply -> assertThat(reply.outcome()).isEqualTo(ReplyOutcome.SUCCEEDED));
        assertThat(stockOf(product)).isEqualTo(5);
    }

    private long stockOf(ProductView product) {
        return catalog.product(product.id()).stock();
    }

    private void send(SagaMessage command) {
        kafka.send(codec.toRecord(Topics.STOCK_COMMANDS, command)).join();
    }

    private List<SagaMessage> replies(int count) {
        try (KafkaProbe probe = new KafkaProbe(bootstrapServers, Topics.STOCK_REPLIES)) {
            return probe.awaitKey(Long.toString(orderId), count).stream().map(codec::read).toList();
        }
    }
}
