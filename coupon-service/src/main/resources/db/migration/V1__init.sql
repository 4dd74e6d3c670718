-- coupon-service schema. Money is a whole number of KRW in BIGINT; times are UTC in DATETIME(6).

-- A campaign: the coupon's terms and how many were issued. issued_quantity is raised only by a guarded
-- UPDATE in the transaction that inserts the issued_coupon row, so it is the final guard against over-issue.
CREATE TABLE coupon (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100) NOT NULL,
    discount_type   VARCHAR(10)  NOT NULL,
    discount_value  BIGINT       NOT NULL,
    total_quantity  INT          NOT NULL,
    issued_quantity INT          NOT NULL DEFAULT 0,
    issue_starts_at DATETIME(6)  NULL,
    issue_ends_at   DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_coupon_issue_ends_at (issue_ends_at),
    CONSTRAINT ck_coupon_quantity CHECK (issued_quantity >= 0 AND issued_quantity <= total_quantity),
    CONSTRAINT ck_coupon_total CHECK (total_quantity >= 1)
) ENGINE = InnoDB;

-- One row per coupon a user holds; UNIQUE (coupon_id, user_id): nobody holds two of the same coupon.
CREATE TABLE issued_coupon (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    coupon_id        BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    status           VARCHAR(10) NOT NULL,
    used_by_order_id BIGINT      NULL,
    issued_at        DATETIME(6) NOT NULL,
    used_at          DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_issued_coupon_coupon_user (coupon_id, user_id),
    KEY ix_issued_coupon_user (user_id, id),
    CONSTRAINT fk_issued_coupon_coupon FOREIGN KEY (coupon_id) REFERENCES coupon (id)
) ENGINE = InnoDB;

-- One row per order that asked to use (or restore) a coupon: makes the saga's use and restore idempotent
-- and lets a restore that overtakes its use fence the late use off.
CREATE TABLE coupon_use (
    order_id         BIGINT      NOT NULL,
    issued_coupon_id BIGINT      NULL,
    user_id          BIGINT      NULL,
    status           VARCHAR(10) NOT NULL,
    discount         BIGINT      NOT NULL DEFAULT 0,
    created_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
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
