package io.shopsaga.dataplatform.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.dataplatform.config.DataPlatformProperties;
import io.shopsaga.dataplatform.domain.AttemptResult;
import io.shopsaga.dataplatform.domain.CompletedOrder;
import io.shopsaga.dataplatform.domain.Delivery;
import io.shopsaga.dataplatform.domain.DeliveryRules;
import io.shopsaga.dataplatform.domain.NextStep;
import io.shopsaga.dataplatform.domain.RetryPolicy;
import io.shopsaga.dataplatform.persistence.ClaimedDelivery;
import io.shopsaga.dataplatform.persistence.DeliveredAttempt;
import io.shopsaga.dataplatform.persistence.DeliveryRepository;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every delivery goes through here. An order is recorded once, durably, before its event is acknowledged (a batch
 * of events in one transaction); it is then sent from the table, never from the listener, so a slow or absent
 * platform holds up nothing upstream. Sends happen outside any transaction: a round claims due rows in a short one,
 * POSTs them concurrently and records the answers: the deliveries of the round together, in one statement, a retry
 * after backoff or a failure on its own.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final DataPlatform platform;
    private final RetryingTransactions transactions;
    private final JsonMapper json;
    private final DataPlatformProperties properties;
    private final RetryPolicy policy;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failedPermanently;
    private final Counter failedExhausted;

    public DeliveryService(DeliveryRepository deliveries, DataPlatform platform, RetryingTransactions transactions,
            JsonMapper json, DataPlatformProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.platform = platform;
        this.transactions = transactions;
        this.json = json;
        this.properties = properties;
        this.policy = properties.retryPolicy();
        this.delivered = Counter.builder("shopsaga.dataplatform.delivered")
                .description("Orders the data platform accepted (2xx, or 409: it had them already)").register(meters);
        this.retried = Counter.builder("shopsaga.dataplatform.retried")
                .description("Failed attempts that will be tried again after a backoff").register(meters);
        this.failedPermanently = failedCounter(meters, "permanent");
        this.failedExhausted = failedCounter(meters, "exhausted");
    }

    private static Counter failedCounter(MeterRegistry meters, String reason) {
        return Counter.builder("shopsaga.dataplatform.failed").tag("reason", reason)
                .description("Deliveries marked FAILED: refused by the platform (permanent) or out of attempts (exhausted)")
                .register(meters);
    }

    /**
     * Records completed orders for delivery in one transaction, committed when this returns; an order recorded
     * before, or twice in {@code orders}, is recorded once (a redelivery changes nothing).
     */
    public void receive(List<CompletedOrder> orders) {
        SortedMap<Long, String> documents = new TreeMap<>();
        for (CompletedOrder order : orders) {
            documents.computeIfAbsent(order.orderId(), id -> json.writeValueAsString(OrderDocument.of(order)));
        }
        transactions.execute(() -> {
            deliveries.insertAbsent(documents);
            return null;
        });
    }

    /**
     * One round: claims the due deliveries, sends them and records the answers; answers how many were sent. A retry
     * or a failure (rare) is recorded on its own as soon as its answer comes, the deliveries all in one statement
     * once every answer of the round is in.
     */
    public int deliverDue() {
        List<ClaimedDelivery> claimed = transactions.execute(
                () -> deliveries.claimDue(properties.batchSize(), properties.claimTimeout()));
        if (claimed.isEmpty()) {
            return 0;
        }
        Queue<DeliveredAttempt> accepted = new ConcurrentLinkedQueue<>();
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ClaimedDelivery claim : claimed) {
                sends.execute(() -> attempt(claim, accepted));
            }
        }
        recordDelivered(List.copyOf(accepted));
        return claimed.size();
    }

    private void attempt(ClaimedDelivery claim, Queue<DeliveredAttempt> accepted) {
        AttemptResult result;
        try {
            result = platform.post(DeliveryRules.idempotencyKey(claim.orderId()), claim.document());
        }
        catch (RuntimeException ex) {
            result = new AttemptResult.Unreachable(ex.toString());
        }
        switch (policy.next(result, claim.roundAttempt())) {
            case NextStep.Delivered done ->
                    accepted.add(new DeliveredAttempt(claim, done.httpStatus(), System.nanoTime()));
            case NextStep.RetryAfter retry -> recordNow(claim, retry, () -> scheduleRetry(claim, retry));
            case NextStep.Failed failed -> recordNow(claim, failed, () -> markFailed(claim, failed));
        }
    }

    private void recordNow(ClaimedDelivery claim, NextStep next, BooleanSupplier update) {
        try {
            if (!update.getAsBoolean()) {
                superseded(claim);
            }
        }
        catch (RuntimeException ex) {
            // The claim runs out and the order is sent again; the platform drops the repeat by its key.
            log.warn("Could not record attempt {} of order {} ({}); it will be retried after the claim expires",
                    claim.attempt(), claim.orderId(), next, ex);
        }
    }

    private boolean scheduleRetry(ClaimedDelivery claim, NextStep.RetryAfter retry) {
        boolean ok = deliveries.scheduleRetry(claim, retry.delay(), retry.error(), retry.httpStatus());
        if (ok) {
            retried.increment();
            log.warn("Delivery of order {} failed on attempt {} ({}); trying again in {}", claim.orderId(),
                    claim.attempt(), retry.error(), retry.delay());
        }
        return ok;
    }

    private boolean markFailed(ClaimedDelivery claim, NextStep.Failed failed) {
        boolean ok = deliveries.markFailed(claim, failed.error(), failed.httpStatus());
        if (ok) {
            (failed.permanent() ? failedPermanently : failedExhausted).increment();
            log.error("Delivery of order {} FAILED on attempt {}: {}; an operator retry re-sends it",
                    claim.orderId(), claim.attempt(), failed.error());
        }
        return ok;
    }

    private void recordDelivered(List<DeliveredAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Set<Long> recorded;
        try {
            recorded = deliveries.markDelivered(attempts);
        }
        catch (RuntimeException ex) {
            // The claims run out and the orders are sent again; the platform drops the repeats by their keys.
            log.warn("Could not record the deliveries of orders {}; they will be sent again after their claims expire",
                    attempts.stream().map(attempt -> attempt.claim().orderId()).toList(), ex);
            return;
        }
        if (!recorded.isEmpty()) {
            delivered.increment(recorded.size());
            log.info("Orders {} delivered to the data platform", recorded);
        }
        attempts.stream().map(DeliveredAttempt::claim).filter(claim -> !recorded.contains(claim.orderId()))
                .forEach(DeliveryService::superseded);
    }

    private static void superseded(ClaimedDelivery claim) {
        log.info("Attempt {} of order {} was superseded (its claim expired); its answer is not recorded",
                claim.attempt(), claim.orderId());
    }

    /** The delivery log's entry for an order; {@code DELIVERY_NOT_FOUND} if it was never received. */
    public Delivery find(long orderId) {
        return deliveries.find(orderId).orElseThrow(() -> DeliveryRules.notFound(orderId));
    }

    /**
     * An operator's re-send: a FAILED delivery gets a fresh round of attempts, a PENDING one is due now; a DELIVERED
     * one is refused ({@code ALREADY_DELIVERED}). The sender picks it up on its next round.
     */
    public Delivery retry(long orderId) {
        transactions.execute(() -> {
            Delivery delivery = deliveries.lock(orderId).orElseThrow(() -> DeliveryRules.notFound(orderId));
            return switch (delivery.operatorRetry()) {
                case REQUEUE -> deliveries.requeueFailed(orderId);
                case EXPEDITE -> deliveries.expedite(orderId);
            };
        });
        log.info("Operator retry of order {}", orderId);
        return find(orderId);
    }

    /** Every FAILED delivery gets a fresh round of attempts; answers how many. */
    public int retryAllFailed() {
        int requeued = transactions.execute(deliveries::requeueAllFailed);
        log.info("Operator retry of all failed deliveries: {} requeued", requeued);
        return requeued;
    }
}
