package io.shopsaga.coupon.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.defaults.lifecycle.GroupWriter;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
public class GrantBatcher extends GroupWriter<GrantBatcher.Grant, Long> {

    static final String BATCH_SIZE_METER = "coupon.issue.batch.size";
    private static final Logger log = LoggerFactory.getLogger(GrantBatcher.class);
    private static final int MAX_BATCH = 200;

    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final RetryingTransactions transactions;
    private final DistributionSummary batchSizes;
    private final Counter notWritten;

    public GrantBatcher(CouponRepository coupons, IssuedCouponRepository issuedCoupons,
            RetryingTransactions transactions, MeterRegistry meters) {
        super("coupon-grant-writer", Duration.ofSeconds(10), MAX_BATCH);
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
        return submit(new Grant(couponId, userId, grantedAt), "The grant writer failed")
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    protected void writeBatch(List<Pending<Grant, Long>> batch) {
        Map<Long, List<Pending<Grant, Long>>> byCampaign = new LinkedHashMap<>();
        batch.forEach(grant -> byCampaign.computeIfAbsent(grant.item().couponId(), id -> new ArrayList<>()).add(grant));
        byCampaign.forEach(this::writeCampaign);
    }

    private void writeCampaign(long couponId, List<Pending<Grant, Long>> grants) {
        Map<Long, Instant> issuedAtByUser = new LinkedHashMap<>();
        grants.forEach(grant -> issuedAtByUser.put(grant.item().userId(), grant.item().grantedAt()));
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
            grants.forEach(Pending::notWritten);
            return;
        }
        batchSizes.record(grants.size());
        for (Pending<Grant, Long> grant : grants) {
            grant.written(ids.get(grant.item().userId()));
        }
    }

    /** A grant to be made durable. */
    record Grant(long couponId, long userId, Instant grantedAt) {
    }

    /** MySQL has fewer units left than the batch (or not its rows): undo the batch, judge each grant on its own. */
    private static final class BatchRefused extends RuntimeException {

        BatchRefused() {
            super(null, null, false, false);
        }
    }
}
