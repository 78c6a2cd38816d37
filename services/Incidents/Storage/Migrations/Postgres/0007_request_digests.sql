-- A request id names one request: the digest of the body it was first applied with, so that the same id
-- sent again with another body is refused instead of silently answered with the first one's result.
-- Null for requests applied before digests were kept (and for the coordinator's own request ids).
ALTER TABLE requests ADD COLUMN digest TEXT;
