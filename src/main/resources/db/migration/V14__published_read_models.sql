-- Read models each capability publishes for others (the report pages and KPIs) to read, instead of others reading
-- its tables. The owner decides the columns; a change to a table keeps its views' columns or changes them on
-- purpose (PostgreSQL refuses to drop a column a view still publishes). Each view is named for its owner.
-- ReadModelBoundaryTests checks that report's SQL names no table, only these views.

-- customer: the customer directory and the temporary increases of a limit
CREATE VIEW customer_directory AS
SELECT id, name, status, responsible_rep, region, credit_grade, credit_limit, key_account_class, limit_valid_until,
       limit_decision_id
FROM customer;

CREATE VIEW customer_temporary_limits AS
SELECT id, customer_id, amount, status, valid_from, valid_until, base_decision_id
FROM temporary_limit;

-- receivable: the ledger's invoices, what settled them and when, payments, credit notes, each customer's exposure
CREATE VIEW receivable_items AS
SELECT id, customer_id, invoice_number, invoice_date, due_date, amount, open_amount, status, responsible_rep,
       written_off_amount, written_off_at
FROM receivable;

CREATE VIEW receivable_settlements AS
SELECT a.receivable_id, a.amount, a.payment_id, a.credit_note_id,
       coalesce(p.customer_id, n.customer_id) AS customer_id,
       coalesce(p.payment_date, n.note_date) AS settled_on
FROM payment_allocation a
LEFT JOIN payment p ON p.id = a.payment_id
LEFT JOIN credit_note n ON n.id = a.credit_note_id;

CREATE VIEW receivable_payments AS
SELECT id, customer_id, reference, payment_date, amount
FROM payment;

CREATE VIEW receivable_credit_notes AS
SELECT id, customer_id, receivable_id, note_number, note_date, amount
FROM credit_note;

CREATE VIEW receivable_exposures AS
SELECT customer_id, open_receivables, reserved
FROM customer_exposure;

-- collection: who is charged what of a written-off bad debt
CREATE VIEW collection_liabilities AS
SELECT id, receivable_id, person, role, amount, recorded_at
FROM bad_debt_liability;

-- approval: credit decisions and each approver's step
CREATE VIEW approval_decisions AS
SELECT id, customer_id, requested_by, exception_codes, outcome
FROM credit_decision;

CREATE VIEW approval_decision_steps AS
SELECT credit_decision_id, approver, decision
FROM credit_decision_step;
