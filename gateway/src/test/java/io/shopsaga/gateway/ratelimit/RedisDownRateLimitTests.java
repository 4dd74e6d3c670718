package io.shopsaga.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsaga.gateway.config.GatewayProperties.CouponRateLimit;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The rate limit must never be the reason coupon issuance fails: without Redis, requests go through. */
class RedisDownRateLimitTests {

    private static final CouponRateLimit SETTINGS = new CouponRateLimit(1, 1, "redis-down-test",
            Duration.ofMillis(300), 1);

    @Test
    void redisRateLimiterAllowsWhenRedisIsUnreachable() throws IOException {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        connections.afterPropertiesSet();
        connections.start();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(ReactiveStringRedisTemplate.class, () -> new ReactiveStringRedisTemplate(connections));
            context.registerBean(RedisRateLimiter.REDIS_SCRIPT_NAME, RedisScript.class, () -> RedisScript.of(
                    new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"), List.class));
            context.refresh();
            RedisRateLimiter limiter = new RedisRateLimiter(1, 1);
            limiter.setApplicationContext(context);

            for (int i = 0; i < 3; i++) {
                RateLimiter.Response response = limiter.isAllowed("redis-down-test", "user:1")
                        .block(Duration.ofSeconds(5));
                assertThat(response).isNotNull();
                assertThat(response.isAllowed()).isTrue();
            }
        }
        finally {
            connections.destroy();
        }
    }

    @Test
    void theFilterLetsTheRequestThroughWhenTheLimiterDoesNotAnswerInTime() {
        RateLimiter<Object> silent = new NeverAnswering();
        CouponIssueRateLimit filter = new CouponIssueRateLimit(silent, new IssuerKeyResolver(), SETTINGS);
        AtomicBoolean forwarded = new AtomicBoolean();

        long start = System.nanoTime();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.post("/issueCoupon")),
                exchange -> Mono.fromRunnable(() -> forwarded.set(true))).block(Duration.ofSeconds(5));

        assertThat(forwarded).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A limiter whose store hangs. */
    private static final class NeverAnswering implements RateLimiter<Object> {

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            return Mono.never();
        }

        @Override
        public Map<String, Object> getConfig() {
            return Map.of();
        }

        @Override
        public Class<Object> getConfigClass() {
            return Object.class;
        }

        @Override
        public Object newConfig() {
            return new Object();
        }
    }
}
