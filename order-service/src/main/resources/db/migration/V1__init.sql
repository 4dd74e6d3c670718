-- order-service schema. Money is a whole number of KRW in BIGINT; times are UTC.

-- One row per order, with its saga's state: the state machine's position, the failure code, and the deadline of
-- the step in flight (NULL once the saga has ended), which the timeout scan looks for.
CREATE TABLE customer_order (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    user_id          BIGINT       NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    saga_state       VARCHAR(20)  NOT NULL,
    failure_code     VARCHAR(40)  NULL,
    issued_coupon_id BIGINT       NULL,
    total_amount     BIGINT       NOT NULL,
    discount_amount  BIGINT       NOT NULL,
    paid_amount      BIGINT       NOT NULL,
    step_deadline    TIMESTAMP(6) NULL,
    step_attempts    INT          NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    completed_at     TIMESTAMP(6) NULL,
    updated_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_customer_order_user (user_id, id),
    KEY ix_customer_order_deadline (step_deadline)
) ENGINE = InnoDB;

CREATE TABLE order_line (
    order_id   BIGINT       NOT NULL,
    line_no    INT          NOT NULL,
    product_id BIGINT       NOT NULL,
    name       VARCHAR(255) NOT NULL,
    unit_price BIGINT       NOT NULL,
    quantity   INT          NOT NULL,
    PRIMARY KEY (order_id, line_no),
    UNIQUE KEY uk_order_line_product (order_id, product_id)
) ENGINE = InnoDB;

-- Transactional outbox (see docs/adr/0001-transactional-outbox.md): written in the transaction of the state change,
-- relayed to Kafka by OutboxRelay (libs/service-defaults), marked sent once the broker acknowledged.
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

-- Idempotency-Key records of the HTTP API (see IdempotentExecutor in libs/service-defaults).
CREATE TABLE idempotency_key (
    scope         VARCHAR(100) NOT NULL,
    idem_key      VARCHAR(64)  NOT NULL,
    fingerprint   CHAR(64)     NOT NULL,
    response_body TEXT         NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (scope, idem_key)
) ENGINE = InnoDB;
