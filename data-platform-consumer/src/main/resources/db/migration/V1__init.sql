-- data-platform-consumer schema: one row per completed order, the durable record of its delivery to the external
-- data platform. Times are UTC.
--
-- A row is inserted when the OrderCompleted event arrives (the primary key makes a redelivered event change
-- nothing) and is then sent from here: the sender claims due PENDING rows (SELECT ... FOR UPDATE SKIP LOCKED, then
-- claimed_until), POSTs them outside any transaction and records the answer, fenced by the attempt number it
-- claimed. See the module's README for the states.
CREATE TABLE order_delivery (
    order_id         BIGINT       NOT NULL,
    -- The JSON body POSTed to the platform, fixed at receipt so every attempt sends the same bytes.
    document         MEDIUMTEXT   NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    -- Every attempt ever made, and those of the current round (reset by an operator retry; bounded by max-attempts).
    attempts         INT          NOT NULL DEFAULT 0,
    round_attempts   INT          NOT NULL DEFAULT 0,
    -- When a PENDING row is due; NULL once DELIVERED or FAILED.
    next_attempt_at  TIMESTAMP(6) NULL,
    -- Set while an instance is sending the row; a row whose claim expired (its sender died) is due again.
    claimed_until    TIMESTAMP(6) NULL,
    last_error       VARCHAR(500) NULL,
    last_http_status INT          NULL,
    received_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_attempt_at  TIMESTAMP(6) NULL,
    delivered_at     TIMESTAMP(6) NULL,
    updated_at       TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (order_id),
    KEY ix_order_delivery_due (status, next_attempt_at),
    CONSTRAINT ck_order_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
) ENGINE = InnoDB;
