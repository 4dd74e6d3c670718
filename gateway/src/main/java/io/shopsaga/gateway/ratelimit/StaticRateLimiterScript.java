package io.shopsaga.gateway.ratelimit;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Replaces Spring Cloud Gateway's token-bucket script bean ({@value RedisRateLimiter#REDIS_SCRIPT_NAME}) with the
 * same text, read once. The gateway builds it from a classpath resource, and a script built that way checks the
 * resource's modification time on every call: a tenth of the gateway's CPU on the coupon issuance path.
 */
class StaticRateLimiterScript implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(beanName) && bean instanceof RedisScript<?> script) {
            return RedisScript.of(script.getScriptAsString(), List.class);
        }
        return bean;
    }
}
