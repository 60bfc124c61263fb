-- A claim is fenced: each claim has a token of its own, and an email is settled (sent, retried, failed) only by the
-- claim that holds it, so a sender whose lease lapsed, or whose email was cancelled meanwhile, cannot overwrite what
-- another instance or the cancellation wrote. claimed_by names the instance, so that one restarted takes its own
-- claims back at once instead of waiting for their lease.
alter table notification add column claim uuid;
alter table notification add column claimed_by text;
