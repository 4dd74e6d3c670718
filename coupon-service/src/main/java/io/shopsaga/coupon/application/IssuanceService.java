package io.shopsaga.coupon.application;

import io.shopsaga.coupon.config.CouponProperties;
import io.shopsaga.coupon.domain.Coupon;
import io.shopsaga.coupon.domain.CouponRules;
import io.shopsaga.coupon.domain.IssuedCouponStatus;
import io.shopsaga.coupon.persistence.CouponRepository;
import io.shopsaga.coupon.persistence.GateAnswer;
import io.shopsaga.coupon.persistence.GrantToken;
import io.shopsaga.coupon.persistence.IssuedCouponRepository;
import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import io.shopsaga.defaults.error.BusinessException;
import io.shopsaga.defaults.error.ErrorCodes;
import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * First come, first served: the Redis gate decides (one Lua script: already issued, sold out, or granted),
 * then a granted unit is made durable in MySQL, and only then is the user told it is theirs.
 *
 * <p>Recovery: a grant whose durable write fails is given back at once (a compensating script) and the user
 * is told to retry (503); MySQL refusing a unit Redis granted means Redis was wrong, so its state is dropped
 * and rebuilt from MySQL; a grant orphaned by a crash between the two steps is given back by
 * {@link GateReconciliation}. MySQL's guarded count and unique key make over-issue impossible whatever Redis
 * says. See coupon-service/README.md.
 */
@Service
public class IssuanceService {

    private static final Logger log = LoggerFactory.getLogger(IssuanceService.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CouponCatalog catalog;
    private final GrantBatcher batcher;
    private final RedisIssuanceGate gate;
    private final GateRebuilder rebuilder;
    private final CouponRepository coupons;
    private final IssuedCouponRepository issuedCoupons;
    private final RetryingTransactions transactions;
    private final IdempotentExecutor idempotency;
    private final Clock clock;
    private final Duration retryAfter;

    public IssuanceService(CouponCatalog catalog, GrantBatcher batcher, RedisIssuanceGate gate, GateRebuilder rebuilder,
            CouponRepository coupons, IssuedCouponRepository issuedCoupons, RetryingTransactions transactions,
            IdempotentExecutor idempotency, Clock clock, CouponProperties properties) {
        this.catalog = catalog;
        this.batcher = batcher;
        this.gate = gate;
        this.rebuilder = rebuilder;
        this.coupons = coupons;
        this.issuedCoupons = issuedCoupons;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.clock = clock;
        this.retryAfter = properties.retryAfter();
    }

    /**
     * Issues one of the campaign's coupons to the user, or refuses: 404 COUPON_NOT_FOUND, 409 COUPON_NOT_OPEN,
     * COUPON_ALREADY_ISSUED, COUPON_SOLD_OUT, or 503 when it cannot decide safely now (nothing issued).
     */
    public IssuedCouponView issue(long couponId, long userId, String idempotencyKey) {
        requireValidKey(idempotencyKey);
        Coupon coupon = catalog.termsOf(couponId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!coupon.isOpenAt(now)) {
            throw CouponRules.notOpen(couponId);
        }
        Issue issue = new Issue(couponId, userId, GrantToken.newAt(now), idempotencyKey);
        GateAnswer answer = askGate(issue);
        if (answer == GateAnswer.MISSING) {
            rebuildGate(couponId);
            answer = askGate(issue);
        }
        return switch (answer) {
            case GRANTED -> makeDurable(issue);
            case ALREADY_ISSUED -> replayOrRefuseAsAlreadyIssued(issue);
            case SOLD_OUT -> throw CouponRules.soldOut(couponId);
            case MISSING -> throw unavailable("coupon " + couponId + " is being prepared; try again shortly", null);
        };
    }

    private GateAnswer askGate(Issue issue) {
        try {
            return gate.tryGrant(issue.couponId(), issue.userId(), issue.token());
        }
        catch (DataAccessException ex) {
            if (!(ex instanceof RedisConnectionFailureException)) {
                // A timed-out script may still have run: give back whatever this request might hold.
                giveBack(issue);
            }
            throw unavailable("coupon issuance is unavailable right now; try again shortly", ex);
        }
    }

    private void rebuildGate(long couponId) {
        GateRebuilder.Result result;
        try {
            result = rebuilder.rebuild(couponId, false);
        }
        catch (DataAccessException ex) {
            throw unavailable("coupon issuance is unavailable right now; try again shortly", ex);
        }
        if (result == GateRebuilder.Result.BUSY) {
            throw unavailable("coupon " + couponId + " is being prepared; try again shortly", null);
        }
    }

    /**
     * Writes the granted coupon to MySQL; only a committed row is answered as issued. Without an Idempotency-Key it
     * goes with the other grants of the moment ({@link GrantBatcher}); when its batch could not be written whole,
     * or with a key, it is written on its own here, where every refusal and failure is judged.
     */
    private IssuedCouponView makeDurable(Issue issue) {
        long couponId = issue.couponId();
        long userId = issue.userId();
        try {
            if (issue.idempotencyKey() == null) {
                OptionalLong written = batcher.write(couponId, userId, issue.token().grantedAt());
                if (written.isPresent()) {
                    return new IssuedCouponView(written.getAsLong(), couponId, userId, IssuedCouponStatus.AVAILABLE,
                            issue.token().grantedAt());
                }
            }
            return transactions.execute(() -> idempotency.execute(scope(couponId), issue.idempotencyKey(),
                    issue.fingerprint(), IssuedCouponView.class, () -> {
                        // The count first: it takes the campaign row's exclusive lock at once. Inserting first
                        // would take a shared lock on it (the foreign key check) and deadlock upgrading it.
                        if (!coupons.countOneIssued(couponId)) {
                            throw CouponRules.soldOut(couponId);
                        }
                        long id = issuedCoupons.insert(couponId, userId, issue.token().grantedAt())
                                .orElseThrow(() -> CouponRules.alreadyIssued(couponId, userId));
                        return new IssuedCouponView(id, couponId, userId, IssuedCouponStatus.AVAILABLE,
                                issue.token().grantedAt());
                    }));
        }
        catch (BusinessException refused) {
            switch (refused.code()) {
                case CouponRules.COUPON_SOLD_OUT -> {
                    // Redis saw a unit MySQL does not have: Redis is behind. Start it again from MySQL.
                    log.warn("MySQL refused a unit of coupon {} that Redis granted; rebuilding its state", couponId);
                    invalidate(couponId);
                }
                case CouponRules.COUPON_ALREADY_ISSUED -> {
                    // MySQL says the user holds one Redis did not know of; the grant now records it, and the
                    // unit it took is the one Redis had counted as still free for that user.
                    log.warn("User {} holds coupon {} in MySQL but not in Redis; kept the grant", userId, couponId);
                }
                default -> giveBack(issue);
            }
            throw refused;
        }
        catch (RuntimeException failure) {
            giveBack(issue);
            if (failure instanceof DataAccessException || failure instanceof TransactionException) {
                throw unavailable("the coupon could not be recorded; nothing was issued, try again", failure);
            }
            throw failure;
        }
    }

    /** A repeat of a request that issued, under the same Idempotency-Key, gets the first answer again. */
    private IssuedCouponView replayOrRefuseAsAlreadyIssued(Issue issue) {
        if (issue.idempotencyKey() == null) {
            throw CouponRules.alreadyIssued(issue.couponId(), issue.userId());
        }
        return transactions.execute(() -> idempotency.execute(scope(issue.couponId()), issue.idempotencyKey(),
                issue.fingerprint(), IssuedCouponView.class, () -> {
                    throw CouponRules.alreadyIssued(issue.couponId(), issue.userId());
                }));
    }

    /** The compensation of a grant that did not become durable: user out, unit back in. */
    private void giveBack(Issue issue) {
        try {
            if (gate.release(issue.couponId(), issue.userId(), issue.token())) {
                log.info("Gave back the grant of coupon {} to user {}", issue.couponId(), issue.userId());
            }
        }
        catch (DataAccessException ex) {
            log.warn("Could not give back the grant of coupon {} to user {}; reconciliation will", issue.couponId(),
                    issue.userId(), ex);
        }
    }

    private void invalidate(long couponId) {
        try {
            gate.invalidate(couponId);
        }
        catch (DataAccessException ex) {
            log.warn("Could not drop the Redis state of coupon {}; reconciliation will repair it", couponId, ex);
        }
    }

    private IssuanceUnavailableException unavailable(String detail, Throwable cause) {
        if (cause != null) {
            log.warn("Issuance refused as retryable: {}", detail, cause);
        }
        return new IssuanceUnavailableException(detail, retryAfter, cause);
    }

    private static void requireValidKey(String key) {
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new BusinessException(ErrorCodes.INVALID_REQUEST, BusinessException.Kind.INVALID,
                    "Idempotency-Key must be 1-64 characters of [A-Za-z0-9_-]");
        }
    }

    private static String scope(long couponId) {
        return "issue:coupon:" + couponId;
    }

    /** One issue request on its way through the gate. */
    private record Issue(long couponId, long userId, GrantToken token, String idempotencyKey) {

        IssueFingerprint fingerprint() {
            return new IssueFingerprint(couponId, userId);
        }
    }

    /** What identifies an issue request for its idempotency key. */
    private record IssueFingerprint(long couponId, long userId) {
    }
}
