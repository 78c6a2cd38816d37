-- The approval key when none is configured (generated once, shared by every coordinator on this
-- database, so a plan sealed before a restart or on another node still verifies), and the approval
-- tokens already used (a replay is refused; rows past expires_at, Unix milliseconds, may go).
CREATE TABLE approval_keys (
    name TEXT PRIMARY KEY,
    key_value TEXT NOT NULL
);
CREATE TABLE used_approval_tokens (
    token_id TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
