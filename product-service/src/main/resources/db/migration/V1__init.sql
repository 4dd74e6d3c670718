-- product-service schema. Money is a whole number of KRW in BIGINT; times are UTC.
-- No seed rows here: tests start from empty tables; local seed products come from ProductSeed
-- (shopsaga.product.seed=true), see product-service/README.md.

CREATE TABLE product (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) NOT NULL,
    price      BIGINT       NOT NULL,
    stock      BIGINT       NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT ck_product_price CHECK (price >= 0),
    -- The last line of defence: the guarded UPDATE never takes stock below zero, and neither can anything else.
    CONSTRAINT ck_product_stock CHECK (stock >= 0)
) ENGINE = InnoDB;

-- One row per order id: makes the saga's reserve and release idempotent and fences off a reserve
-- that arrives after its release (CANCELLED). A refusal is recorded with its code and product, so a
-- repeated command answers the same.
CREATE TABLE order_reservation (
    order_id          BIGINT       NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    failure_code      VARCHAR(40)  NULL,
    failed_product_id BIGINT       NULL,
    created_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;

-- What a RESERVED order took, per product: exactly what its release puts back.
CREATE TABLE stock_reservation (
    order_id   BIGINT NOT NULL,
    product_id BIGINT NOT NULL,
    quantity   INT    NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT ck_stock_reservation_quantity CHECK (quantity > 0)
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
