-- Timestamps are Unix milliseconds in both dialects so the stores behave the same.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    etag TEXT NOT NULL,
    version INTEGER NOT NULL,
    phase INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    state BLOB NOT NULL
);
CREATE INDEX ix_incidents_phase ON incidents (phase, id);

CREATE TABLE requests (
    request_id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    applied_at INTEGER NOT NULL
);

CREATE TABLE findings (
    incident_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_time INTEGER NOT NULL,
    event_name TEXT NOT NULL,
    categories TEXT NOT NULL,
    access_key_id TEXT NOT NULL,
    event BLOB NOT NULL,
    raw_json TEXT NOT NULL,
    PRIMARY KEY (incident_id, event_id)
);
CREATE INDEX ix_findings_time ON findings (incident_id, event_time);

CREATE TABLE journal (
    incident_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    step_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('intent', 'result')),
    status INTEGER NOT NULL,
    at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (incident_id, sequence),
    UNIQUE (incident_id, step_id, kind)
);

CREATE TABLE evidence (
    incident_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

CREATE TABLE scan_checkpoints (
    incident_id TEXT NOT NULL,
    key TEXT NOT NULL,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    segment TEXT NOT NULL,
    next_token TEXT,
    done INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (incident_id, key)
);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    target TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    status INTEGER NOT NULL,
    last_error TEXT NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
