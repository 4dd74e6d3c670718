-- Transactional outbox of the saga replies (see OutboxRelay in libs/service-defaults): a command's effect and its
-- reply commit together; the relay sends the reply to Kafka and marks it sent once the broker acknowledged it.
CREATE TABLE outbox_message (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(100) NOT NULL,
    message_type VARCHAR(100) NOT NULL,
    payload      MEDIUMTEXT   NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    sent_at      TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    KEY ix_outbox_message_unsent (sent_at, id)
) ENGINE = InnoDB;
