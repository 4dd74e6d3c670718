package io.shopsaga.ranking;

import io.shopsaga.ranking.persistence.RankingCache;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.data.redis.core.StringRedisTemplate;

/** What the tests add to the service: a clock they drive, and a Redis left as it was found. */
@TestConfiguration(proxyBeanMethods = false)
class RankingTestConfiguration {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }

    /**
     * The run's keys (namespaced by its own database) are removed when the context closes: on the close event, which
     * comes before the Redis connection factory is stopped (a destroy callback would come after).
     */
    @Bean
    ApplicationListener<ContextClosedEvent> rankingKeysCleanup(StringRedisTemplate redis, RankingCache rankingCache) {
        return event -> RankingKeys.delete(redis, rankingCache.prefix());
    }
}
