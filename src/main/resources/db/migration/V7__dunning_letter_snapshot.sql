-- The figures a dunning letter was written from (JSON), so its PDF prints the same whenever it is downloaded.
ALTER TABLE collection_document ADD COLUMN snapshot VARCHAR(100000);
