-- Why a credit file scored what it did, as the form showed it when the file was scored (scoring.ScoreExplanation):
-- the approvers' view shows the same text without scoring the file again. Null for files scored before this column
-- and for a text too long to keep; then it is worked out when shown.
ALTER TABLE credit_file ADD COLUMN score_explanation VARCHAR(4000);
