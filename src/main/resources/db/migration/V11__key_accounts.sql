-- Key accounts (重点客户, 80/20): every customer's class by its share of the last 12 months' credit sales, recomputed
-- every morning with the DMN key-account-class. A = the customers that make the first 80 % of credit sales.
ALTER TABLE customer ADD COLUMN key_account_class VARCHAR(1);
ALTER TABLE customer ADD COLUMN key_account_sales NUMERIC(17, 2);
ALTER TABLE customer ADD COLUMN key_account_share NUMERIC(9, 6);
ALTER TABLE customer ADD COLUMN key_account_rank INTEGER;
ALTER TABLE customer ADD COLUMN key_account_as_of DATE;

CREATE INDEX ix_customer_key_account ON customer (key_account_class);

-- A key account's credit decision is decided by the whole chain the authority matrix returned (like an exception).
ALTER TABLE credit_decision ADD COLUMN key_account BOOLEAN DEFAULT FALSE NOT NULL;
