-- A recipient the SMTP server refused for the moment (450-459, such as a full mailbox) waits for its own next attempt,
-- and the fan-out hands it to a sender again once that time has come: the other recipients are not held up meanwhile.
alter table delivery add column next_attempt_at timestamptz;
create index delivery_retry on delivery (next_attempt_at) where status = 'QUEUED' and next_attempt_at is not null;
