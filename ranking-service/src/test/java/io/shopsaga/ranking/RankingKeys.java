package io.shopsaga.ranking;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The Redis keys of one namespace, for tests that flush them. */
public final class RankingKeys {

    private RankingKeys() {
    }

    /** Deletes every key under {@code prefix}; answers how many there were. */
    public static int delete(StringRedisTemplate redis, String prefix) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(prefix + "*").count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
        return keys.size();
    }
}
