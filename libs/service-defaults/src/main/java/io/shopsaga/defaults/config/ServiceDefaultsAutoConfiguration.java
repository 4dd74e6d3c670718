package io.shopsaga.defaults.config;

import io.shopsaga.defaults.idempotency.IdempotentExecutor;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.defaults.persistence.StandaloneWrites;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the pieces every ShopSaga service shares; each can be replaced by declaring its own bean. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@EnableConfigurationProperties(ServiceDefaultsProperties.class)
public class ServiceDefaultsAutoConfiguration {

    /**
     * Strict JSON: a float where a whole number is expected, or a string where a number is, is bad
     * input (money is a whole number of KRW), not something to round or coerce silently.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonNumbers() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcClient.class)
    IdempotentExecutor idempotentExecutor(JdbcClient jdbc, JsonMapper json) {
        return new IdempotentExecutor(jdbc, json);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TransactionTemplate.class)
    RetryingTransactions retryingTransactions(TransactionTemplate transactions) {
        return new RetryingTransactions(transactions);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({ DataSource.class, TransactionTemplate.class })
    StandaloneWrites standaloneWrites(DataSource dataSource, TransactionTemplate transactions) {
        return new StandaloneWrites(dataSource, transactions);
    }
}
