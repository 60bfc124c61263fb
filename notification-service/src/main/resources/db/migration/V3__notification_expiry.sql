-- A reminder before a session is pointless once the session has begun: past expires_at it is skipped, not sent,
-- however late the scheduler or the SMTP server made it.
alter table notification add column expires_at timestamptz;
