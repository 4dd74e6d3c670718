/**
 * Kafka plumbing every saga participant shares, active only where spring-kafka is on the classpath: the
 * message codec (JSON + {@code shopsaga-type} header), the transactional outbox and its relay (opt-in with
 * {@code shopsaga.outbox.enabled=true}), and retry-then-dead-letter error handling for listeners.
 */
package io.shopsaga.defaults.messaging;
