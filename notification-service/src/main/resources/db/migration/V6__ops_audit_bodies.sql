-- A replayed dead letter's body as it was and, when an operator corrected it, as it was sent: the audit shows exactly
-- what went back onto the topic. Bodies hold personal data, so the retention job blanks them after a while.
alter table ops_audit add column body_before text;
alter table ops_audit add column body_after text;
