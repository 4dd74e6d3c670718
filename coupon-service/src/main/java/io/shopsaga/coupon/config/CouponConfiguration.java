package io.shopsaga.coupon.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the settings, the clock and the scheduler that runs the periodic reconciliation. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CouponProperties.class)
public class CouponConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
