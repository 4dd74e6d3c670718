package io.shopsaga.defaults.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The transactional outbox ({@code shopsaga.outbox.*}).
 *
 * @param enabled whether this service has an {@code outbox_message} table and relays it (opt-in)
 * @param pollInterval how often the relay looks in the table for rows left unsent (by an instance that died, or by
 *     a send that failed)
 * @param batchSize rows sent per round
 * @param sendTimeout how long a batch waits for the broker's acknowledgements before its rows count as failed
 * @param orphanedAfter how old an unsent row must be before the polling rounds of every instance take it up: longer
 *     than the instance that committed it takes to send and mark it (about twice {@code sendTimeout} at worst)
 * @param retention how long a sent row is kept (for looking into what was sent) before the relay deletes it;
 *     unsent rows are never deleted
 * @param pruneInterval how often the relay deletes sent rows older than {@code retention}
 * @param markInterval how long rows the broker acknowledged may wait to be marked sent together: one {@code UPDATE}
 *     and commit for all the rows of that moment instead of one per batch sent. Rows not yet marked when the instance
 *     dies are sent again (at least once, which every consumer tolerates); {@code 0} marks after every batch
 */
@ConfigurationProperties("shopsaga.outbox")
public record OutboxProperties(@DefaultValue("false") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("20s") Duration orphanedAfter, @DefaultValue("7d") Duration retention, @DefaultValue("5m") Duration pruneInterval,
        @DefaultValue("100ms") Duration markInterval) {
}
