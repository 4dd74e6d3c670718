-- Which claim counted an order: a batch of orders is claimed in one multi-row INSERT tagged with a claim id of its own,
-- and the rows that carry it afterwards are the orders that batch counted (SalesRepository.claimAll). Orders counted
-- before this column existed carry 0, which no claim uses.
ALTER TABLE processed_order ADD COLUMN claim_id BIGINT NOT NULL DEFAULT 0;
