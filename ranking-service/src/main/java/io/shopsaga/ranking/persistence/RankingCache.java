package io.shopsaga.ranking.persistence;

import io.shopsaga.ranking.domain.ProductSales;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The rankings' fast path: one Redis sorted set per sales day, merged over a window with ZUNIONSTORE and the merge
 * kept for {@code mergedTtl}. Never the only copy: MySQL holds the daily counts, and every day's set can be built
 * from them again at any time.
 *
 * <p>Keys: {@code <prefix>day:<yyyy-MM-dd>} per day, expiring {@code dayRetention} after the day ended, and
 * {@code <prefix>top:<first>:<last>} per merged window. A member is a product id padded with zeros to 19 digits, its
 * score minus the units sold: ZRANGE's ascending order, ties in lexicographic member order, is then exactly the
 * contract's order (most sold first, ties by ascending product id), straight from Redis.
 *
 * <p>Scores are absolute counts read from MySQL, never increments: after a day's counts commit, {@link #sync} writes
 * the changed products' counts with {@code ZADD LT} (a score only moves down, i.e. a count only up). Counts only grow,
 * so whatever order writers and rebuilds interleave in, each member ends at the largest count anyone read, which is
 * the committed one; nothing is counted twice (as an increment after a rebuild that already saw the order would be)
 * and nothing is lost (as an increment before a rebuild that overwrote it would be). A redelivered event syncs again,
 * which heals a sync lost to a crash or to a Redis failure.
 *
 * <p>A day's set is trusted only when it holds the member {@value #COMPLETE} (score 0, so it sorts after every
 * product), which only a rebuild from MySQL adds: a set that was flushed, evicted or expired loses it with everything
 * else, and a set that a sync re-created after such a loss lacks it. A window with such a day has that day rebuilt
 * (all its counts, merged the same way, then the marker) before it is answered.
 *
 * <p>Redis failures never fail a request: the caller answers from MySQL (an empty {@link #top}), and for
 * {@code retryAfter} Redis is left alone. A sync that failed or was skipped leaves its day pending: the day is rebuilt
 * before this instance next reads from Redis, or by {@link #repairPending} (scheduled), so a Redis that comes back does
 * not keep serving counts it missed.
 */
public class RankingCache {

    /** Reads a day's counts (product id to units sold) from MySQL. */
    @FunctionalInterface
    public interface DayLoader {
        Map<Long, Long> load(LocalDate day);
    }

    static final String COMPLETE = "complete";
    private static final int PAIRS_PER_CALL = 500;
    private static final String OK = "ok";

    private static final Logger log = LoggerFactory.getLogger(RankingCache.class);

    /** KEYS[1] a day's set; ARGV[1] its expiry (Unix seconds), ARGV[2] '1' to mark it complete, then score/member pairs. */
    private static final RedisScript<Long> MERGE = RedisScript.of("""
            if #ARGV > 2 then
              redis.call('ZADD', KEYS[1], 'LT', unpack(ARGV, 3))
            end
            if ARGV[2] == '1' then
              redis.call('ZADD', KEYS[1], 0, 'complete')
            end
            redis.call('EXPIREAT', KEYS[1], ARGV[1])
            return 1
            """, Long.class);

    /**
     * KEYS[1] the window's merged set, KEYS[2..] its days' sets; ARGV[1] limit, ARGV[2] the merged set's TTL (ms).
     * Answers {'ok', member, score, ...} or, when a day is not complete, {'incomplete', index of the day in KEYS[2..], ...}.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TOP = RedisScript.of("""
            local fresh = redis.call('EXISTS', KEYS[1]) == 0
            if fresh then
              local incomplete = {}
              for i = 2, #KEYS do
                if not redis.call('ZSCORE', KEYS[i], 'complete') then
                  incomplete[#incomplete + 1] = i - 2
                end
              end
              if #incomplete > 0 then
                return {'incomplete', unpack(incomplete)}
              end
              redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
            end
            local top = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')
            if fresh then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return {'ok', unpack(top)}
            """, List.class);

    private final StringRedisTemplate redis;
    private final CacheStatus status;
    private final String prefix;
    private final ZoneId zone;
    private final Duration dayRetention;
    private final Duration mergedTtl;
    private final Set<LocalDate> pending = ConcurrentHashMap.newKeySet();

    public RankingCache(StringRedisTemplate redis, CacheStatus status, String prefix, ZoneId zone, Duration dayRetention,
            Duration mergedTtl) {
        this.redis = redis;
        this.status = status;
        this.prefix = prefix;
        this.zone = zone;
        this.dayRetention = dayRetention;
        this.mergedTtl = mergedTtl;
    }

    /**
     * Writes the day's committed counts of some products (read after the commit). Does not mark the day complete; a
     * failure, or Redis being left alone, leaves the day pending instead of failing the caller.
     */
    public void sync(LocalDate day, Map<Long, Long> totals) {
        if (status.bypassing() || !write(day, totals, false)) {
            pending.add(day);
        }
    }

    /**
     * The window's first {@code limit} products by units sold (ties by ascending id), or empty when Redis cannot
     * answer now, in which case the caller reads MySQL. Days that are not complete are rebuilt with {@code loader}
     * first.
     */
    public Optional<List<ProductSales>> top(List<LocalDate> days, int limit, DayLoader loader) {
        if (status.bypassing() || !repair(loader)) {
            status.fellBack();
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>(days.size() + 1);
        keys.add(windowKey(days.getFirst(), days.getLast()));
        days.forEach(day -> keys.add(dayKey(day)));
        for (int attempt = 1; attempt <= 2; attempt++) {
            List<?> reply;
            try {
                reply = redis.execute(TOP, keys, String.valueOf(limit), String.valueOf(mergedTtl.toMillis()));
                status.succeeded();
            }
            catch (RuntimeException ex) {
                status.failed("read", ex);
                status.fellBack();
                return Optional.empty();
            }
            if (OK.equals(reply.getFirst())) {
                return Optional.of(parseTop(reply));
            }
            for (Object index : reply.subList(1, reply.size())) {
                if (!rebuild(days.get(((Number) index).intValue()), loader)) {
                    status.fellBack();
                    return Optional.empty();
                }
            }
        }
        log.warn("Days of {}..{} were still incomplete right after their rebuild (Redis evicting?); answering from MySQL",
                days.getFirst(), days.getLast());
        status.fellBack();
        return Optional.empty();
    }

    /** Rebuilds the days whose sync failed, if Redis is not being left alone; for a scheduled call. */
    public void repairPending(DayLoader loader) {
        if (!pending.isEmpty() && !status.bypassing()) {
            repair(loader);
        }
    }

    /** Days whose sorted set may lack counts until they are rebuilt. */
    public int pendingDays() {
        return pending.size();
    }

    /** Builds the day's set from all its counts in MySQL and marks it complete; safe at any time (see above). */
    public boolean rebuild(LocalDate day, DayLoader loader) {
        if (!write(day, loader.load(day), true)) {
            return false;
        }
        status.rebuilt();
        return true;
    }

    private boolean repair(DayLoader loader) {
        for (LocalDate day : List.copyOf(pending)) {
            // Removed before loading: a sync that fails meanwhile adds the day again, and is repaired next time.
            pending.remove(day);
            boolean rebuilt = false;
            try {
                rebuilt = rebuild(day, loader);
            }
            finally {
                if (!rebuilt) {
                    pending.add(day);
                }
            }
            if (!rebuilt) {
                return false;
            }
        }
        return true;
    }

    /** Merges counts into the day's set in calls of at most {@value #PAIRS_PER_CALL} products, the marker with the last. */
    private boolean write(LocalDate day, Map<Long, Long> totals, boolean complete) {
        List<String> key = List.of(dayKey(day));
        String expireAt = Long.toString(day.plusDays(1).atStartOfDay(zone).toInstant().plus(dayRetention).getEpochSecond());
        List<Map.Entry<Long, Long>> entries = List.copyOf(totals.entrySet());
        try {
            int from = 0;
            do {
                int to = Math.min(entries.size(), from + PAIRS_PER_CALL);
                boolean last = to == entries.size();
                List<String> args = new ArrayList<>(2 + 2 * (to - from));
                args.add(expireAt);
                args.add(complete && last ? "1" : "0");
                for (Map.Entry<Long, Long> entry : entries.subList(from, to)) {
                    args.add(Long.toString(-entry.getValue()));
                    args.add(member(entry.getKey()));
                }
                redis.execute(MERGE, key, args.toArray());
                from = to;
            }
            while (from < entries.size());
            status.succeeded();
            return true;
        }
        catch (RuntimeException ex) {
            status.failed("write", ex);
            return false;
        }
    }

    private static List<ProductSales> parseTop(List<?> reply) {
        List<ProductSales> top = new ArrayList<>(reply.size() / 2);
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            String member = String.valueOf(reply.get(i));
            if (!COMPLETE.equals(member)) {
                top.add(new ProductSales(Long.parseLong(member), -Math.round(Double.parseDouble(String.valueOf(reply.get(i + 1))))));
            }
        }
        return top;
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

    public String prefix() {
        return prefix;
    }

    public String dayKey(LocalDate day) {
        return prefix + "day:" + day;
    }

    public String windowKey(LocalDate first, LocalDate last) {
        return prefix + "top:" + first + ":" + last;
    }

    /** A product id as a member: 19 digits, so that lexicographic order is numeric order. */
    static String member(long productId) {
        String digits = Long.toString(productId);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
