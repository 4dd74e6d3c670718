package io.shopsaga.defaults.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shopsaga.contracts.Topics;
import io.shopsaga.defaults.config.ServiceDefaultsAutoConfiguration;
import io.shopsaga.defaults.persistence.RetryingTransactions;
import io.shopsaga.defaults.persistence.StandaloneWrites;
import java.sql.SQLTransientException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared Kafka pieces, only where spring-kafka is present: codec, listener error handling (retries with
 * backoff, then {@code <topic>.dlt}, counted in {@code shopsaga.kafka.dead.letters}), and the outbox with its
 * relay when {@code shopsaga.outbox.enabled=true}.
 */
@AutoConfiguration(after = ServiceDefaultsAutoConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAnnotationDrivenConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({ OutboxProperties.class, KafkaErrorHandlingProperties.class })
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SagaMessageCodec sagaMessageCodec(JsonMapper json) {
        return new SagaMessageCodec(json);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(RetryingTransactions.class)
    BatchTransactions batchTransactions(TransactionTemplate transactions, RetryingTransactions retrying) {
        return new BatchTransactions(transactions, retrying);
    }

    /** Boot applies a {@link CommonErrorHandler} bean to its listener container factory. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, KafkaErrorHandlingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.retries());
        backOff.setInitialInterval(properties.retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
            log.error("Giving up on a record of {} (key {}) after retries; sending it to {}", record.topic(),
                    record.key(), Topics.deadLetter(record.topic()), ex);
            deadLetters.accept(record, ex);
            registry.counter("shopsaga.kafka.dead.letters", "topic", record.topic()).increment();
        }, backOff);
        handler.addNotRetryableExceptions(UnknownMessageTypeException.class, JacksonException.class);
        ExponentialBackOff infrastructureBackOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        infrastructureBackOff.setMaxInterval(properties.maxBackoff().toMillis());
        infrastructureBackOff.setMaxElapsedTime(properties.infrastructureRetryFor().toMillis());
        handler.setBackOffFunction((record, ex) -> isInfrastructureOutage(ex) ? infrastructureBackOff : null);
        return handler;
    }

    /** The database (or another resource the listener needs) is unreachable: the record itself is fine. */
    static boolean isInfrastructureOutage(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException || cause instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** The outbox, for services that keep an {@code outbox_message} table (see {@link Outbox}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "shopsaga.outbox", name = "enabled", havingValue = "true")
    @ConditionalOnBean(JdbcClient.class)
    static class OutboxConfiguration {

        @Bean
        @SuppressWarnings("unchecked")
        OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, StandaloneWrites writes,
                KafkaOperations<?, ?> kafka, OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(jdbc, transactions, writes, (KafkaOperations<String, String>) kafka, properties,
                    meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        Outbox outbox(JdbcClient jdbc, SagaMessageCodec codec, OutboxRelay relay) {
            return new Outbox(jdbc, codec, relay::committed);
        }

        @Bean
        SagaCommands sagaCommands(BatchTransactions transactions, SagaMessageCodec codec, Outbox outbox) {
            return new SagaCommands(transactions, codec, outbox);
        }
    }
}
