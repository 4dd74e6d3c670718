package io.shopsaga.order.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.messaging.TopicsToCreate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** order-service's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
@EnableFeignClients(basePackages = "io.shopsaga.order.catalog")
@EnableScheduling
public class OrderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * product-service's breaker: opens when half of the last 20 calls (at least 10) failed or were slow, and tries
     * again after 5 s; a call taking longer than {@code shopsaga.order.product-service-timeout} counts as failed.
     * The time limit needs the call on a thread of its own: a virtual one, so handing the call over and back costs no
     * platform thread's wake-up (the factory's default is a pool of platform threads).
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> productServiceBreaker(OrderProperties properties) {
        return factory -> {
            factory.configureExecutorService(Executors.newVirtualThreadPerTaskExecutor());
            factory.configure(builder -> builder
                    .circuitBreakerConfig(CircuitBreakerConfig.custom()
                            .slidingWindowSize(20)
                            .minimumNumberOfCalls(10)
                            .failureRateThreshold(50)
                            .waitDurationInOpenState(Duration.ofSeconds(5))
                            .build())
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.productServiceTimeout())
                            .build()),
                    "product-service");
        };
    }

    /** The saga's topics and their dead-letter topics, created when missing (an existing topic is left as it is). */
    @Bean
    KafkaAdmin.NewTopics sagaTopics(OrderProperties properties) {
        return TopicsToCreate.withDeadLetters(properties.topicPartitions(), Topics.ALL);
    }
}
