-- ranking-service schema. Money is a whole number of KRW in BIGINT; times are UTC. A sales day is a calendar day
-- in shopsaga.ranking.zone (Asia/Seoul by default), computed from the order's completion time.

-- One row per counted order: the claim that makes a redelivered OrderCompleted count once. Inserted in the same
-- transaction as the order's daily counts, so an order is either claimed and counted, or neither.
CREATE TABLE processed_order (
    order_id     BIGINT       NOT NULL,
    sales_day    DATE         NOT NULL,
    occurred_at  TIMESTAMP(6) NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (order_id)
) ENGINE = InnoDB;

-- Sold quantity per product per sales day: the durable copy the Redis sorted sets are rebuilt from.
CREATE TABLE daily_product_sales (
    sales_day     DATE   NOT NULL,
    product_id    BIGINT NOT NULL,
    sold_quantity BIGINT NOT NULL,
    PRIMARY KEY (sales_day, product_id),
    CONSTRAINT ck_daily_product_sales_quantity CHECK (sold_quantity > 0)
) ENGINE = InnoDB;

-- Name and unit price of each product as the latest counted order saw them: what a ranking shows while
-- product-service cannot be asked.
CREATE TABLE product_snapshot (
    product_id BIGINT       NOT NULL,
    name       VARCHAR(255) NOT NULL,
    price      BIGINT       NOT NULL,
    seen_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (product_id)
) ENGINE = InnoDB;
