package io.shopsaga.product.persistence;

import io.shopsaga.product.application.ProductPage;
import io.shopsaga.product.application.ProductView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's read cache in Redis: product details and list pages as JSON, read-through, never
 * the only copy of anything.
 *
 * <p>Each cached thing lives in a Redis hash that also holds a generation number: one hash per product
 * ({@code <prefix>product:<id>}, field {@code body}) and one for all list pages ({@code <prefix>pages},
 * a field per {@code <page>:<size>}). A change, once its transaction has committed, bumps the generation
 * of the products it touched and of the pages and drops their values ({@link #evict}). A reader notes the
 * generation before it reads the database and stores what it read only if the generation is still the
 * same ({@code PUT_IF_CURRENT}), so a reader that read a row just before a change committed cannot put
 * the old row back after the eviction. TTLs (per hash, from when it was created or evicted) are a
 * backstop for an eviction that Redis missed.
 *
 * <p>Redis failures never fail a request: reads fall back to the database and every failure is counted
 * and logged by {@link CacheStatus}; an eviction that failed is done again before the next read from Redis.
 * Switched off ({@code shopsaga.product.cache.enabled=false}), it passes every read to the database.
 */
public class ProductCache {

    private static final String GENERATION = "gen";
    private static final String BODY = "body";

    /** KEYS[1] hash; ARGV generation seen ('' = none), field, value, ttl ms. */
    private static final RedisScript<Long> PUT_IF_CURRENT = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], 'gen')
            if current == false then
              if ARGV[1] ~= '' then return 0 end
              redis.call('HSET', KEYS[1], 'gen', '0', ARGV[2], ARGV[3])
              redis.call('PEXPIRE', KEYS[1], ARGV[4])
              return 1
            end
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            return 1
            """, Long.class);

    /** KEYS hashes; ARGV[i] the ttl ms of KEYS[i]. Drops every value and moves the generation on. */
    private static final RedisScript<Long> EVICT = RedisScript.of("""
            for i, key in ipairs(KEYS) do
              local next = (tonumber(redis.call('HGET', key, 'gen')) or 0) + 1
              redis.call('DEL', key)
              redis.call('HSET', key, 'gen', next)
              redis.call('PEXPIRE', key, ARGV[i])
            end
            return #KEYS
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final CacheStatus status;
    private final String prefix;
    private final Duration detailTtl;
    private final Duration pageTtl;
    private final boolean enabled;
    private final Set<Long> pendingEvictions = ConcurrentHashMap.newKeySet();
    private volatile boolean pagesEvictionPending;

    /**
     * @param enabled {@code false}: every read goes to the database and Redis is never touched (for measuring
     *     what the cache buys; switching it back on may serve entries cached before for up to a TTL)
     */
    public ProductCache(StringRedisTemplate redis, JsonMapper json, CacheStatus status, String prefix,
            Duration detailTtl, Duration pageTtl, boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            status.disabled();
        }
        this.redis = redis;
        this.json = json;
        this.status = status;
        this.prefix = prefix;
        this.detailTtl = detailTtl;
        this.pageTtl = pageTtl;
    }

    /** The product from the cache, or from {@code loader} (whose exceptions, such as a 404, pass through). */
    public ProductView product(long id, Supplier<ProductView> loader) {
        return readThrough(detailKey(id), BODY, detailTtl, ProductView.class, loader);
    }

    public ProductPage page(int page, int size, Supplier<ProductPage> loader) {
        return readThrough(pagesKey(), page + ":" + size, pageTtl, ProductPage.class, loader);
    }

    /**
     * Drops the cached details of {@code productIds} and every list page. Called after the change
     * committed; tried even while reads bypass Redis, since a Redis that is back must not serve old rows.
     * An eviction that fails is remembered and done again before this instance next reads from Redis.
     */
    public void evict(Collection<Long> productIds) {
        if (!enabled) {
            return;
        }
        if (!evictNow(productIds)) {
            pendingEvictions.addAll(productIds);
            pagesEvictionPending = true;
        }
    }

    private boolean evictNow(Collection<Long> productIds) {
        List<String> keys = new ArrayList<>();
        List<String> ttls = new ArrayList<>();
        for (long id : productIds) {
            keys.add(detailKey(id));
            ttls.add(String.valueOf(detailTtl.toMillis()));
        }
        keys.add(pagesKey());
        ttls.add(String.valueOf(pageTtl.toMillis()));
        try {
            redis.execute(EVICT, keys, ttls.toArray());
            status.succeeded();
            return true;
        }
        catch (RuntimeException ex) {
            status.failed("evict", ex);
            return false;
        }
    }

    /** Runs the evictions that failed earlier; false if Redis still refuses them (then reads must not use it). */
    private boolean evictPending() {
        if (!pagesEvictionPending && pendingEvictions.isEmpty()) {
            return true;
        }
        List<Long> ids = List.copyOf(pendingEvictions);
        pagesEvictionPending = false;
        if (!evictNow(ids)) {
            pagesEvictionPending = true;
            return false;
        }
        ids.forEach(pendingEvictions::remove);
        return true;
    }

    /** Whether Redis answers a PING now (for the health indicator; not counted as a cache error). */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(redis.execute((RedisCallback<String>) RedisConnection::ping));
        }
        catch (RuntimeException ex) {
            return false;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public String prefix() {
        return prefix;
    }

    String detailKey(long id) {
        return prefix + "product:" + id;
    }

    String pagesKey() {
        return prefix + "pages";
    }

    private <T> T readThrough(String key, String field, Duration ttl, Class<T> type, Supplier<T> loader) {
        if (!enabled) {
            return loader.get();
        }
        if (status.bypassing() || !evictPending()) {
            status.fellBack();
            return loader.get();
        }
        String generation;
        try {
            HashOperations<String, String, String> hashes = redis.opsForHash();
            List<String> values = hashes.multiGet(key, List.of(GENERATION, field));
            generation = values.get(0);
            String cached = values.get(1);
            status.succeeded();
            if (cached != null) {
                T value = decode(cached, type);
                if (value != null) {
                    return value;
                }
            }
        }
        catch (RuntimeException ex) {
            status.failed("read", ex);
            status.fellBack();
            return loader.get();
        }
        T value = loader.get();
        try {
            redis.execute(PUT_IF_CURRENT, List.of(key), generation == null ? "" : generation, field,
                    json.writeValueAsString(value), String.valueOf(ttl.toMillis()));
        }
        catch (RuntimeException ex) {
            status.failed("write", ex);
        }
        return value;
    }

    /** A value this version cannot read (written by an older one) is a miss, not an error. */
    private <T> T decode(String cached, Class<T> type) {
        try {
            return json.readValue(cached, type);
        }
        catch (JacksonException ex) {
            return null;
        }
    }
}
