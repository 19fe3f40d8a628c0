-- The approval chain is recorded with the credit decision when it opens: each approval step reads who decides and
-- up to which amount from here, never from a process variable.
CREATE TABLE credit_decision_level (
    credit_decision_id BIGINT         NOT NULL REFERENCES credit_decision (id),
    level_index        INTEGER        NOT NULL,
    level_no           INTEGER        NOT NULL,
    approver_group     VARCHAR(64)    NOT NULL,
    authority_limit    NUMERIC(15, 2) NOT NULL,
    escalated_to       VARCHAR(64),
    PRIMARY KEY (credit_decision_id, level_index)
);

-- Who submitted the credit-grant application (the authenticated user who completed the form): the requester of
-- the approval, whom four eyes keeps from approving it.
ALTER TABLE credit_file ADD COLUMN proposed_by VARCHAR(64);

-- Collateral counts for the credit check only once a credit administrator other than the person who registered it
-- has verified it.
ALTER TABLE collateral ADD COLUMN verified_by VARCHAR(64);
ALTER TABLE collateral ADD COLUMN verified_at TIMESTAMP;
