-- Orleans reminders for the embedded (SQLite) silo: the post-containment watch and phase retries outlive the
-- process. PostgreSQL uses Orleans' own reminders table (migration 1003). Times are .NET ticks (UTC); grain_hash is
-- the grain's uniform hash, by which each silo reads the range of the ring it owns.
CREATE TABLE orleans_reminders (
    grain_id TEXT NOT NULL,
    reminder_name TEXT NOT NULL,
    grain_hash INTEGER NOT NULL,
    start_at INTEGER NOT NULL,
    period INTEGER NOT NULL,
    etag TEXT NOT NULL,
    PRIMARY KEY (grain_id, reminder_name)
);
CREATE INDEX ix_orleans_reminders_hash ON orleans_reminders (grain_hash);
