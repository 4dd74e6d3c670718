package io.shopsaga.order;

import io.shopsaga.contracts.DeductBalance;
import io.shopsaga.contracts.DeductBalanceReply;
import io.shopsaga.contracts.OrderCompleted;
import io.shopsaga.contracts.RefundBalance;
import io.shopsaga.contracts.RefundBalanceReply;
import io.shopsaga.contracts.ReleaseStock;
import io.shopsaga.contracts.ReleaseStockReply;
import io.shopsaga.contracts.ReplyOutcome;
import io.shopsaga.contracts.ReserveStock;
import io.shopsaga.contracts.ReserveStockReply;
import io.shopsaga.contracts.RestoreCoupon;
import io.shopsaga.contracts.RestoreCouponReply;
import io.shopsaga.contracts.SagaMessage;
import io.shopsaga.contracts.SagaReply;
import io.shopsaga.contracts.Topics;
import io.shopsaga.contracts.UseCoupon;
import io.shopsaga.contracts.UseCouponReply;
import io.shopsaga.defaults.messaging.SagaMessageCodec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * product-, coupon- and balance-service as order-service's tests need them: they answer every command over the real
 * broker, scripted per product, coupon or user (refuse, stay silent, answer twice), and record what they received.
 */
@TestComponent
public class SimulatedParticipants {

    public static final long DISCOUNT = 1_000;

    public final Set<Long> outOfStockProducts = ConcurrentHashMap.newKeySet();
    public final Set<Long> silentProducts = ConcurrentHashMap.newKeySet();
    public final Set<Long> unavailableCoupons = ConcurrentHashMap.newKeySet();
    public final Set<Long> silentCoupons = ConcurrentHashMap.newKeySet();
    public final Set<Long> poorUsers = ConcurrentHashMap.newKeySet();
    public final Set<Long> usersAnsweredTwice = ConcurrentHashMap.newKeySet();

    private final Map<Long, List<String>> commands = new ConcurrentHashMap<>();
    private final Map<Long, List<OrderCompleted>> completed = new ConcurrentHashMap<>();
    private final SagaMessageCodec codec;
    private final KafkaTemplate<String, String> kafka;

    public SimulatedParticipants(SagaMessageCodec codec, KafkaTemplate<String, String> kafka) {
        this.codec = codec;
        this.kafka = kafka;
    }

    /** The command types order {@code orderId} sent, in the order they arrived. */
    public List<String> commandsOf(long orderId) {
        return List.copyOf(commands.getOrDefault(orderId, List.of()));
    }

    public List<OrderCompleted> completedEventsOf(long orderId) {
        return List.copyOf(completed.getOrDefault(orderId, List.of()));
    }

    /** Sends a reply as a participant would (also for late and duplicate replies made up by a test). */
    public void send(SagaReply reply) {
        kafka.send(codec.toRecord(Topics.of(reply), reply)).join();
    }

    @KafkaListener(id = "simulated-participants", groupId = "simulated-participants",
            topics = { Topics.STOCK_COMMANDS, Topics.COUPON_COMMANDS, Topics.BALANCE_COMMANDS })
    void onCommand(ConsumerRecord<String, String> record) {
        SagaMessage command = codec.read(record);
        commands.computeIfAbsent(command.orderId(), id -> new CopyOnWriteArrayList<>())
                .add(command.getClass().getSimpleName());
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        long order = command.orderId();
        switch (command) {
            case ReserveStock reserve -> {
                List<Long> products = reserve.items().stream().map(ReserveStock.Item::productId).toList();
                if (products.stream().anyMatch(silentProducts::contains)) {
                    return;
                }
                send(products.stream().anyMatch(outOfStockProducts::contains)
                        ? new ReserveStockReply(id, order, now, ReplyOutcome.REJECTED, "OUT_OF_STOCK", products.getFirst())
                        : new ReserveStockReply(id, order, now, ReplyOutcome.SUCCEEDED, null, null));
            }
            case UseCoupon use -> {
                if (silentCoupons.contains(use.issuedCouponId())) {
                    return;
                }
                send(unavailableCoupons.contains(use.issuedCouponId())
                        ? new UseCouponReply(id, order, now, ReplyOutcome.REJECTED, "COUPON_UNAVAILABLE", 0)
                        : new UseCouponReply(id, order, now, ReplyOutcome.SUCCEEDED, null, DISCOUNT));
            }
            case DeductBalance deduct -> {
                DeductBalanceReply reply = poorUsers.contains(deduct.userId())
                        ? new DeductBalanceReply(id, order, now, ReplyOutcome.REJECTED, "INSUFFICIENT_BALANCE", 0)
                        : new DeductBalanceReply(id, order, now, ReplyOutcome.SUCCEEDED, null, deduct.amount());
                send(reply);
                if (usersAnsweredTwice.contains(deduct.userId())) {
                    send(reply);
                }
            }
            case ReleaseStock release -> send(new ReleaseStockReply(id, order, now, ReplyOutcome.SUCCEEDED, null));
            case RestoreCoupon restore -> send(new RestoreCouponReply(id, order, now, ReplyOutcome.SUCCEEDED, null));
            case RefundBalance refund -> send(new RefundBalanceReply(id, order, now, ReplyOutcome.SUCCEEDED, null, 0));
            default -> throw new IllegalStateException("Not a command: " + command);
        }
    }

    @KafkaListener(id = "simulated-order-events", groupId = "simulated-order-events", topics = Topics.ORDER_EVENTS)
    void onOrderEvent(ConsumerRecord<String, String> record) {
        if (codec.read(record) instanceof OrderCompleted event) {
            completed.computeIfAbsent(event.orderId(), id -> new CopyOnWriteArrayList<>()).add(event);
        }
    }
}
