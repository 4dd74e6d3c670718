-- balance-service schema. Money is a whole number of KRW in BIGINT; times are UTC.

CREATE TABLE balance_account (
    user_id    BIGINT       NOT NULL,
    balance    BIGINT       NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id),
    CONSTRAINT ck_balance_account_range CHECK (balance >= 0)
) ENGINE = InnoDB;

CREATE TABLE balance_history (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    type          VARCHAR(10)  NOT NULL,
    amount        BIGINT       NOT NULL,
    balance_after BIGINT       NOT NULL,
    order_id      BIGINT       NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_balance_history_user (user_id, id)
) ENGINE = InnoDB;

-- One row per order: makes the saga's deduct and refund idempotent and orders a late deduct after a refund.
CREATE TABLE order_payment (
    order_id   BIGINT       NOT NULL,
    user_id    BIGINT       NOT NULL,
    amount     BIGINT       NOT NULL,
    status     VARCHAR(10)  NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (order_id)
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
