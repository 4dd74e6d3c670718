package io.shopsaga.defaults.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which listener failures wait for the infrastructure instead of dead-lettering the record. */
class InfrastructureOutageTests {

    @Test
    void aDatabaseThatCannotBeReachedIsAnOutageEvenWhenWrappedByTheListenerContainer() {
        var noConnection = new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool timeout"));

        assertThat(MessagingAutoConfiguration.isInfrastructureOutage(
                new ListenerExecutionFailedException("listener failed", noConnection))).isTrue();
        assertThat(MessagingAutoConfiguration.isInfrastructureOutage(
                new CannotCreateTransactionException("no transaction"))).isTrue();
    }

    @Test
    void aBadRecordOrABugIsNotAnOutage() {
        assertThat(MessagingAutoConfiguration.isInfrastructureOutage(
                new ListenerExecutionFailedException("listener failed", new IllegalStateException("bug")))).isFalse();
        assertThat(MessagingAutoConfiguration.isInfrastructureOutage(
                new DataIntegrityViolationException("duplicate"))).isFalse();
        assertThat(MessagingAutoConfiguration.isInfrastructureOutage(
                new UnknownMessageTypeException("stock.commands.v1", "Nope"))).isFalse();
    }
}
