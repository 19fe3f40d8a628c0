-- Policy exceptions (授信政策例外): a proposal above the suggested limit, above the net-worth cap or with a validity
-- longer than the grade's policy (DMN policy-exceptions). The credit file keeps what the rep proposed and why; the
-- credit decision keeps the exceptions it was decided with, so that reports count them per rep and per approver.
ALTER TABLE credit_file ADD COLUMN exception_codes VARCHAR(200);
ALTER TABLE credit_file ADD COLUMN exception_summary VARCHAR(1000);
ALTER TABLE credit_file ADD COLUMN exception_justification VARCHAR(2000);
ALTER TABLE credit_decision ADD COLUMN exception_codes VARCHAR(200);
ALTER TABLE credit_decision ADD COLUMN exception_summary VARCHAR(1000);
