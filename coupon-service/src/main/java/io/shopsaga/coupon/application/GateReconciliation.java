package io.shopsaga.coupon.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.config.CouponProperties;
import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.GateState;
import io.shopsaga.coupon.persistence.GrantToken;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares every campaign still issuing with MySQL, reports the difference in the gauge
 * {@code coupon.redis.drift}, and repairs Redis:
 * <ul>
 * <li>a missing or inconsistent state is rebuilt from MySQL;</li>
 * <li>a grant without its MySQL row that is older than the grace period (its request died between Redis
 * and MySQL) is given back, so its unit can be issued again;</li>
 * <li>fewer grants than MySQL rows (a grant given back although its row was committed) → rebuilt.</li>
 * </ul>
 * Safe on any number of instances at once: releases are conditional on the grant's token, rebuilds on a lock.
 */
@Component
public class GateReconciliation {

    private static final Logger log = LoggerFactory.getLogger(GateReconciliation.class);
    private static final int BATCH = 1_000;

    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final RedisIssuanceGate gate;
    private final GateRebuilder rebuilder;
    private final Clock clock;
    private final Duration staleGrantGrace;
    private final AtomicLong drift = new AtomicLong();
    private final Counter staleGrantsReleased;

    public GateReconciliation(CouponRepository coupons, IssuedCouponRepository issuedCoupons, RedisIssuanceGate gate,
            GateRebuilder rebuilder, Clock clock, CouponProperties properties, MeterRegistry meters) {
        this.coupons = coupons;
        this.issuedCoupons = issuedCoupons;
        this.gate = gate;
        this.rebuilder = rebuilder;
        this.clock = clock;
        this.staleGrantGrace = properties.staleGrantGrace();
        Gauge.builder("coupon.redis.drift", drift, AtomicLong::get)
                .description("Sum over campaigns still issuing of |grants in Redis - coupons issued in MySQL|, "
                        + "as found by the last reconciliation (before it repaired anything)")
                .register(meters);
        this.staleGrantsReleased = Counter.builder("coupon.redis.repairs").tag("kind", "stale_grant")
                .description("Grants in Redis without a MySQL row, given back by reconciliation").register(meters);
    }

    @Scheduled(fixedDelayString = "${shopsaga.coupon.reconcile-interval:30s}",
            initialDelayString = "${shopsaga.coupon.reconcile-interval:30s}")
    void reconcilePeriodically() {
        try {
            reconcileAll();
        }
        catch (RuntimeException ex) {
            log.warn("Reconciliation of the coupon gate failed; it runs again next interval", ex);
        }
    }

    /** One pass over every campaign whose issue window has not ended. */
    public Report reconcileAll() {
        List<CampaignResult> results = new ArrayList<>();
        for (Coupon coupon : coupons.findNotEndedAt(clock.instant())) {
            try {
                results.add(reconcile(coupon));
            }
            catch (RuntimeException ex) {
                log.warn("Could not reconcile coupon {}; trying the others", coupon.id(), ex);
            }
        }
        Report report = new Report(results, results.stream().mapToLong(CampaignResult::drift).sum());
        drift.set(report.totalDrift());
        if (report.totalDrift() > 0) {
            log.warn("Coupon gate drift {} found and repaired: {}", report.totalDrift(),
                    results.stream().filter(r -> r.drift() > 0).toList());
        }
        return report;
    }

    /** Reconciles one campaign, read fresh from MySQL (the issued count must be current). */
    CampaignResult reconcile(Coupon coupon) {
        long couponId = coupon.id();
        Optional<GateState> state = gate.state(couponId);
        long issued = coupon.issuedQuantity();
        long granted = state.map(GateState::granted).orElse(0L);
        long difference = Math.abs(granted - issued);
        if (state.isEmpty() || !state.get().consistent()) {
            boolean rebuilt = rebuilder.rebuild(couponId, false) == GateRebuilder.Result.REBUILT;
            return new CampaignResult(couponId, difference, 0, rebuilt);
        }
        if (granted > issued) {
            return new CampaignResult(couponId, difference, releaseStaleGrants(couponId), false);
        }
        if (granted < issued) {
            boolean rebuilt = rebuilder.rebuild(couponId, true) == GateRebuilder.Result.REBUILT;
            return new CampaignResult(couponId, difference, 0, rebuilt);
        }
        return new CampaignResult(couponId, 0, 0, false);
    }

    /**
     * Gives back grants older than the grace period that have no MySQL row. Younger ones may still be on
     * their way to MySQL; the grace period is far longer than any durable write, so an old one never will.
     */
    private int releaseStaleGrants(long couponId) {
        Instant cutoff = clock.instant().minus(staleGrantGrace);
        List<Map.Entry<Long, String>> old = gate.grants(couponId).entrySet().stream()
                .filter(e -> GrantToken.parse(e.getValue()).map(t -> t.grantedAt().isBefore(cutoff)).orElse(true))
                .toList();
        int released = 0;
        for (int from = 0; from < old.size(); from += BATCH) {
            List<Map.Entry<Long, String>> batch = old.subList(from, Math.min(old.size(), from + BATCH));
            Set<Long> holders = issuedCoupons.holdersAmong(couponId, batch.stream().map(Map.Entry::getKey).toList());
            for (Map.Entry<Long, String> grant : batch) {
                if (!holders.contains(grant.getKey()) && gate.release(couponId, grant.getKey(), grant.getValue())) {
                    released++;
                    staleGrantsReleased.increment();
                    log.warn("Gave back a stale grant of coupon {} to user {} (no MySQL row since {})", couponId,
                            grant.getKey(), grant.getValue());
                }
            }
        }
        return released;
    }

    /** What one pass found. */
    public record Report(List<CampaignResult> campaigns, long totalDrift) {

        public Optional<CampaignResult> of(long couponId) {
            return campaigns.stream().filter(c -> c.couponId() == couponId).findFirst();
        }
    }

    /**
     * What reconciliation found and did for one campaign.
     *
     * @param drift |grants in Redis − coupons in MySQL| (a missing state has no grants)
     */
    public record CampaignResult(long couponId, long drift, int staleGrantsReleased, boolean rebuilt) {
    }
}
