package io.shopsaga.coupon;

import io.shopsaga.coupon.persistence.RedisIssuanceGate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only bean (picked up by component scanning from the test classpath): when the test context closes,
 * deletes the gate's keys of this context's namespace from the shared Redis, as test-support drops its
 * database. It listens for the close event because that comes before the Redis connection factory stops.
 */
@Component
class TestRedisNamespaceCleanup implements ApplicationListener<ContextClosedEvent> {

    private final StringRedisTemplate redis;
    private final RedisIssuanceGate gate;

    TestRedisNamespaceCleanup(StringRedisTemplate redis, RedisIssuanceGate gate) {
        this.redis = redis;
        this.gate = gate;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(gate.keyPattern()).count(1000).build())) {
            cursor.forEachRemaining(keys::add);
        }
        for (int from = 0; from < keys.size(); from += 500) {
            redis.delete(keys.subList(from, Math.min(keys.size(), from + 500)));
        }
    }
}
