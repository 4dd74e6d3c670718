-- Counted orders are pruned by sales day, with the daily counts of the same days (SalesRetention).
CREATE INDEX ix_processed_order_sales_day ON processed_order (sales_day);
