-- The notification outbox of 0001 was never used: Identification's notifier keeps its own
-- (Identification:Notifications:OutboxPath). A store created before this script loses the empty table.
DROP INDEX IF EXISTS ix_outbox_due;
DROP TABLE IF EXISTS outbox;
