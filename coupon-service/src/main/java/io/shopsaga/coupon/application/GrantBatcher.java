package io.shopsaga.coupon.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.defaults.lifecycle.BackgroundWorker;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the grants that arrive together durable together: one writer takes every grant waiting for MySQL and
 * writes each campaign's in one transaction (the guarded count by their number, one multi-row insert), so the
 * campaign row's lock and the commit's flush are paid once per batch instead of once per coupon. A rush's first
 * units otherwise queue one commit at a time on that row.
 *
 * <p>Only the plain case is batched. When a batch cannot be written as a whole (fewer units left in MySQL than
 * Redis granted, a user already holding one, any database error) nothing of it is kept, and every grant of it
 * answers "not written": its request then takes {@link IssuanceService}'s one-by-one path, which decides and
 * recovers exactly as before. A request never learns "issued" before its batch committed.
 */
@Component
public class GrantBatcher extends BackgroundWorker {

    static final String BATCH_SIZE_METER = "coupon.issue.batch.size";
    private static final Logger log = LoggerFactory.getLogger(GrantBatcher.class);
    private static final int MAX_BATCH = 200;

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final RetryingTransactions transactions;
    private final DistributionSummary batchSizes;
    private final Counter notWritten;

    public GrantBatcher(CouponRepository coupons, IssuedCouponRepository issuedCoupons,
            RetryingTransactions transactions, MeterRegistry meters) {
        super("coupon-grant-writer", Duration.ofSeconds(10));
        this.coupons = coupons;
        this.issuedCoupons = issuedCoupons;
        this.transactions = transactions;
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE_METER)
                .description("Grants made durable per batch transaction").register(meters);
        this.notWritten = Counter.builder("coupon.issue.batch.fallbacks")
                .description("Grants whose batch could not be written whole; each went one by one").register(meters);
    }

    /**
     * Writes the grant with others waiting at the same moment; answers its issued coupon's id once committed, or
     * empty when it was not written (the caller then writes it on its own).
     */
    public OptionalLong write(long couponId, long userId, Instant grantedAt) {
        if (!isRunning()) {
            return OptionalLong.empty();
        }
        Pending grant = new Pending(couponId, userId, grantedAt, new CompletableFuture<>());
        waiting.add(grant);
        if (!isRunning() && waiting.remove(grant)) {
            // Stopped meanwhile, and the writer never took it: nobody else will answer it.
            return OptionalLong.empty();
        }
        try {
            Long id = grant.written().get();
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the grant was being written", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("The grant writer failed", ex.getCause());
        }
    }

    @Override
    protected void work() {
        List<Pending> batch = new ArrayList<>();
        while (isRunning() || !waiting.isEmpty()) {
            try {
                batch.add(waiting.take());
            }
            catch (InterruptedException ex) {
                if (!isRunning()) {
                    break;
                }
                continue;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            Map<Long, List<Pending>> byCampaign = new LinkedHashMap<>();
            batch.forEach(grant -> byCampaign.computeIfAbsent(grant.couponId(), id -> new ArrayList<>()).add(grant));
            byCampaign.forEach(this::writeCampaign);
            batch.clear();
        }
        // Stopped: whoever still waits writes on its own.
        Pending left;
        while ((left = waiting.poll()) != null) {
            left.written().complete(null);
        }
    }

    private void writeCampaign(long couponId, List<Pending> grants) {
        Map<Long, Instant> issuedAtByUser = new LinkedHashMap<>();
        grants.forEach(grant -> issuedAtByUser.put(grant.userId(), grant.grantedAt()));
        Map<Long, Long> ids;
        try {
            ids = issuedAtByUser.size() < grants.size() ? null : transactions.execute(() -> {
                if (!coupons.countIssued(couponId, grants.size())) {
                    throw new BatchRefused();
                }
                Map<Long, Long> inserted = issuedCoupons.insertAll(couponId, issuedAtByUser);
                if (inserted.size() != grants.size()) {
                    throw new BatchRefused();
                }
                return inserted;
            });
        }
        catch (BatchRefused refused) {
            ids = null;
        }
        catch (RuntimeException ex) {
            log.debug("A batch of {} grants of coupon {} could not be written; each goes on its own", grants.size(),
                    couponId, ex);
            ids = null;
        }
        if (ids == null) {
            notWritten.increment(grants.size());
            grants.forEach(grant -> grant.written().complete(null));
            return;
        }
        batchSizes.record(grants.size());
        for (Pending grant : grants) {
            grant.written().complete(ids.get(grant.userId()));
        }
    }

    /** A grant waiting to be written, and what its request waits on (the id, or null: write it yourself). */
    private record Pending(long couponId, long userId, Instant grantedAt, CompletableFuture<Long> written) {
    }

    /** MySQL has fewer units left than the batch (or not its rows): undo the batch, judge each grant on its own. */
    private static final class BatchRefused extends RuntimeException {

        BatchRefused() {
            super(null, null, false, false);
        }
    }
}
