package io.shopsaga.coupon.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shopsaga.coupon.config.CouponProperties;
import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.GateState;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.coupon.persistence.IssuedCouponRepository.Holder;
import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a campaign's Redis state from MySQL, the source of truth: remaining = total − coupons issued in
 * MySQL, grants = the users holding one. One rebuild per campaign at a time (a Redis lock, SET NX PX); the
 * state is dropped first, so while it runs every issue request for the campaign is refused as retryable
 * rather than decided on half-built state. A grant made before the state vanished whose row commits after
 * the rebuild read MySQL leaves Redis one unit too generous: MySQL's guarded count refuses that unit, and the
 * refusal drops the state to be rebuilt again.
 */
@Component
public class GateRebuilder {

    /** What a rebuild attempt did. */
    public enum Result {
        /** The state was rebuilt from MySQL. */
        REBUILT,
        /** The state was there and consistent when the lock was taken (another rebuild just finished). */
        PRESENT,
        /** Another rebuild holds the lock, or this one lost it; the state is not usable yet. */
        BUSY
    }

    private static final Logger log = LoggerFactory.getLogger(GateRebuilder.class);
    private static final int PAGE = 5_000;
    private static final Duration SETTLE_POLL = Duration.ofMillis(50);

    private final RedisIssuanceGate gate;
    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final Duration lockTtl;
    private final Duration settle;
    private final Counter rebuilds;

    public GateRebuilder(RedisIssuanceGate gate, CouponRepository coupons, IssuedCouponRepository issuedCoupons,
            CouponProperties properties, MeterRegistry meters) {
        this.gate = gate;
        this.coupons = coupons;
        this.issuedCoupons = issuedCoupons;
        this.lockTtl = properties.rebuildLockTtl();
        this.settle = properties.rebuildSettle();
        this.rebuilds = Counter.builder("coupon.redis.repairs").tag("kind", "rebuild")
                .description("Campaign states rebuilt in Redis from MySQL").register(meters);
    }

    /**
     * Rebuilds the campaign's state from MySQL unless another instance is doing it: Redis lost it, or
     * reconciliation found it wrong.
     *
     * @param evenIfPresent rebuild even when a consistent state is found (reconciliation found it wrong)
     * @throws org.springframework.dao.DataAccessException when Redis or MySQL fails
     */
    public Result rebuild(long couponId, boolean evenIfPresent) {
        return build(couponId, evenIfPresent, true);
    }

    /**
     * Builds a new campaign's state. Forced, because whatever Redis holds under a brand-new id is a leftover
     * (a database reset under a Redis that kept its data); no settling, since nothing can be granted yet.
     */
    public Result prepare(long couponId) {
        return build(couponId, true, false);
    }

    private Result build(long couponId, boolean evenIfPresent, boolean repair) {
        Optional<String> lock = gate.tryLockRebuild(couponId, lockTtl);
        if (lock.isEmpty()) {
            return Result.BUSY;
        }
        String token = lock.get();
        try {
            if (!evenIfPresent && gate.state(couponId).filter(GateState::consistent).isPresent()) {
                return Result.PRESENT;
            }
            gate.invalidate(couponId);
            if (repair) {
                settle(couponId);
            }
            Coupon coupon = coupons.find(couponId).orElseThrow(
                    () -> new IllegalStateException("coupon " + couponId + " is not in MySQL"));
            long holders = stageHolders(couponId, token);
            long remaining = Math.max(0, coupon.totalQuantity() - holders);
            if (!gate.commitRebuild(couponId, token, coupon.totalQuantity(), remaining)) {
                log.warn("Rebuild of coupon {} lost its lock (took longer than {}); it will be tried again",
                        couponId, lockTtl);
                return Result.BUSY;
            }
            if (repair) {
                rebuilds.increment();
                log.info("Rebuilt the issuance state of coupon {} from MySQL: {} issued, {} remaining", couponId,
                        holders, remaining);
            }
            return Result.REBUILT;
        }
        finally {
            unlock(couponId, token);
        }
    }

    /**
     * Lets grants made just before the state vanished reach MySQL, so this rebuild counts them: with the gate
     * closed no new grant starts, so once the campaign's count holds still for one poll they have landed.
     */
    private void settle(long couponId) {
        long deadline = System.nanoTime() + settle.toNanos();
        int last = issuedInMySql(couponId);
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(SETTLE_POLL);
                int now = issuedInMySql(couponId);
                if (now == last) {
                    return;
                }
                last = now;
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the issuance state", ex);
        }
    }

    private int issuedInMySql(long couponId) {
        return coupons.find(couponId).map(Coupon::issuedQuantity).orElse(0);
    }

    private long stageHolders(long couponId, String token) {
        long count = 0;
        long afterUserId = 0;
        List<Holder> page;
        do {
            page = issuedCoupons.holdersAfter(couponId, afterUserId, PAGE);
            Map<Long, Instant> batch = new LinkedHashMap<>();
            page.forEach(h -> batch.put(h.userId(), h.issuedAt()));
            gate.stage(couponId, token, batch, lockTtl);
            count += page.size();
            if (!page.isEmpty()) {
                afterUserId = page.getLast().userId();
            }
        }
        while (page.size() == PAGE);
        return count;
    }

    private void unlock(long couponId, String token) {
        try {
            gate.unlockRebuild(couponId, token);
        }
        catch (RuntimeException ex) {
            log.warn("Could not release the rebuild lock of coupon {}; it expires by itself", couponId, ex);
        }
    }
}
