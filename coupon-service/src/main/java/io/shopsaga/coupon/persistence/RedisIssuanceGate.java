package io.shopsaga.coupon.persistence;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.shopsaga.coupon.config.CouponProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The first-come, first-served gate in Redis: one Lua script per decision, so concurrent requests never
 * over-grant. Per campaign, all keys share the hash tag {@code {<prefix>:<couponId>}} (one cluster slot):
 * <ul>
 * <li>{@code …:state}: hash {@code total}, {@code remaining};</li>
 * <li>{@code …:grants}: hash user id → {@link GrantToken};</li>
 * <li>{@code …:rebuild-lock}: the lock of the one rebuild allowed at a time;</li>
 * <li>{@code …:staged:<lock token>}: grants read from MySQL by a running rebuild.</li>
 * </ul>
 * Redis is not the source of truth: every key here can be rebuilt from MySQL, and is when it is found missing.
 * Redis failures surface as Spring's {@code DataAccessException}s.
 */
@Component
public class RedisIssuanceGate {

    private static final RedisScript<Long> ISSUE = script("issue", Long.class);
    private static final RedisScript<Long> RELEASE = script("release", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STATE = script("state", List.class);
    private static final RedisScript<Long> COMMIT_REBUILD = script("commit-rebuild", Long.class);
    private static final RedisScript<Long> UNLOCK = script("unlock", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisIssuanceGate(StringRedisTemplate redis, CouponProperties properties) {
        this.redis = redis;
        this.prefix = properties.redisPrefix();
    }

    /** Grants the user a unit, or says why not, in one atomic step. */
    public GateAnswer tryGrant(long couponId, long userId, GrantToken token) {
        Long code = redis.execute(ISSUE, List.of(stateKey(couponId), grantsKey(couponId)),
                Long.toString(userId), token.value());
        return switch (code == null ? -1 : code.intValue()) {
            case 1 -> GateAnswer.GRANTED;
            case 0 -> GateAnswer.SOLD_OUT;
            case 2 -> GateAnswer.ALREADY_ISSUED;
            default -> GateAnswer.MISSING;
        };
    }

    /** Gives a grant back (user out, unit back in) if it is still this grant; false when it was gone. */
    public boolean release(long couponId, long userId, GrantToken token) {
        return release(couponId, userId, token.value());
    }

    /** As {@link #release(long, long, GrantToken)}, with the token as stored in Redis. */
    public boolean release(long couponId, long userId, String tokenValue) {
        Long released = redis.execute(RELEASE, List.of(stateKey(couponId), grantsKey(couponId)),
                Long.toString(userId), tokenValue);
        return released != null && released == 1;
    }

    /** The campaign's state, or empty when it is missing from Redis. */
    public Optional<GateState> state(long couponId) {
        List<?> values = redis.execute(STATE, List.of(stateKey(couponId), grantsKey(couponId)));
        if (values == null || values.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new GateState(asLong(values.get(0)), asLong(values.get(1)), asLong(values.get(2))));
    }

    /** Every grant of the campaign (user id → token), read with HSCAN so Redis is never blocked. */
    public Map<Long, String> grants(long couponId) {
        Map<Long, String> grants = new HashMap<>();
        try (Cursor<Map.Entry<Object, Object>> cursor = redis.opsForHash()
                .scan(grantsKey(couponId), ScanOptions.scanOptions().count(1000).build())) {
            cursor.forEachRemaining(e -> grants.put(Long.parseLong((String) e.getKey()), (String) e.getValue()));
        }
        return grants;
    }

    /** Drops the campaign's state, so nothing more is granted until it is rebuilt from MySQL. */
    public void invalidate(long couponId) {
        redis.delete(List.of(stateKey(couponId), grantsKey(couponId)));
    }

    /** Takes the campaign's rebuild lock (SET NX PX); the token to pass on, or empty when another holds it. */
    public Optional<String> tryLockRebuild(long couponId, Duration ttl) {
        String token = UUID.randomUUID().toString();
        Boolean locked = redis.opsForValue().setIfAbsent(lockKey(couponId), token, ttl);
        return Boolean.TRUE.equals(locked) ? Optional.of(token) : Optional.empty();
    }

    /** Adds holders read from MySQL to the grants this rebuild is staging; they expire with the lock. */
    public void stage(long couponId, String lockToken, Map<Long, Instant> holders, Duration ttl) {
        if (holders.isEmpty()) {
            return;
        }
        Map<String, String> values = new HashMap<>();
        holders.forEach((userId, issuedAt) -> values.put(Long.toString(userId),
                GrantToken.rebuiltFrom(issuedAt).value()));
        String key = stagedKey(couponId, lockToken);
        redis.opsForHash().putAll(key, values);
        redis.expire(key, ttl);
    }

    /** Installs the staged grants and the counts, if the lock is still ours; false when it was lost. */
    public boolean commitRebuild(long couponId, String lockToken, long total, long remaining) {
        Long committed = redis.execute(COMMIT_REBUILD,
                List.of(stateKey(couponId), grantsKey(couponId), stagedKey(couponId, lockToken), lockKey(couponId)),
                lockToken, Long.toString(total), Long.toString(remaining));
        return committed != null && committed == 1;
    }

    public void unlockRebuild(long couponId, String lockToken) {
        redis.execute(UNLOCK, List.of(lockKey(couponId)), lockToken);
    }

    /** The name of the campaign's state hash (for operators' tooling and tests). */
    public String stateKey(long couponId) {
        return tag(couponId) + ":state";
    }

    /** The name of the campaign's grants hash (for operators' tooling and tests). */
    public String grantsKey(long couponId) {
        return tag(couponId) + ":grants";
    }

    /** The name of the campaign's rebuild lock (for operators' tooling and tests). */
    public String lockKey(long couponId) {
        return tag(couponId) + ":rebuild-lock";
    }

    private String stagedKey(long couponId, String lockToken) {
        return tag(couponId) + ":staged:" + lockToken;
    }

    /** The hash tag that keeps one campaign's keys in one cluster slot, so its scripts may touch them all. */
    private String tag(long couponId) {
        return "{" + prefix + ":" + couponId + "}";
    }

    /** Every key of this gate's namespace starts with this (for operators' tooling and tests). */
    public String keyPattern() {
        return "{" + prefix + ":*";
    }

    private static long asLong(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }

    /**
     * The script's text, read once. (A script made from the resource itself would check the resource's
     * modification time on every call, which cost a tenth of the service's CPU on the issuance path.)
     */
    private static <T> RedisScript<T> script(String name, Class<T> resultType) {
        try {
            return RedisScript.of(new ClassPathResource("redis/" + name + ".lua").getContentAsString(UTF_8),
                    resultType);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the Redis script " + name, ex);
        }
    }
}
