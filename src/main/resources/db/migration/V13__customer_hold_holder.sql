-- A credit hold is a customer status set by events (customer.CreditHold): the customer records who holds it
-- ('collection-case:42'), not a collection case id of its own.
ALTER TABLE customer ADD COLUMN hold_placed_by VARCHAR(60);
UPDATE customer SET hold_placed_by = 'collection-case:' || CAST(collection_hold_case_id AS VARCHAR(20))
    WHERE collection_hold_case_id IS NOT NULL;
ALTER TABLE customer DROP COLUMN collection_hold_case_id;
