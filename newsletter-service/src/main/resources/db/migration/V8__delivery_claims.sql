-- A recipient's claim is fenced: each claim has a token of its own, and a recipient is settled (sent, failed, given
-- back) only by the claim that holds it, so a sender whose lease lapsed cannot undo or overwrite another's claim.
alter table delivery add column claim uuid;
