package io.shopsaga.defaults.messaging;

/** One stored outbox message, as {@link OutboxRelay} sends it: the row's id marks it sent afterwards. */
record OutboxRow(long id, String topic, String key, String type, String payload) {
}
