-- The review-interval policy for the file's grade (DMN review-interval), recorded with the suggested limit: months to
-- the next periodic review and how long a granted limit is valid. The application step and a cash-only outcome read
-- it from here instead of a serialized process variable. Null for files suggested before this column (their cases
-- still hold the variable).
ALTER TABLE credit_file ADD COLUMN review_interval_months INTEGER;
ALTER TABLE credit_file ADD COLUMN limit_validity_months INTEGER;
