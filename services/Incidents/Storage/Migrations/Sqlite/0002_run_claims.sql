-- Which coordinator drives an incident's playbook, until when (Unix milliseconds). A claim that
-- has expired is free to take: its holder died or lost touch with the database.
CREATE TABLE run_claims (
    incident_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
