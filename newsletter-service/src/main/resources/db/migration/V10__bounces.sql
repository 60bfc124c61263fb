-- Bounces and complaints, from notification-service's bounce log (mail.bounces). A subscriber whose address bounced
-- for good is BOUNCED: no issue goes to them until they subscribe again and confirm.
alter table subscriber add column bounced_at timestamptz, add column bounce_reason text;

-- what came back for each recipient of an issue: HARD, SOFT or COMPLAINT (the issue page counts them)
alter table delivery add column bounce text;

-- a bounce names its email by the token of its Message-ID (mail-sender's BounceAddress computes the same). Declared
-- immutable for the index: convert_to is only stable (it reads the encoding name), and Message-IDs are ASCII.
create function bounce_token(message_id text) returns text language sql immutable parallel safe
    return substr(encode(sha256(convert_to(message_id, 'UTF8')), 'hex'), 1, 24);

create index delivery_bounce_token on delivery (bounce_token(message_id));

-- the bounces acted on: a redelivered event changes nothing twice
create table handled_bounce (
    event_id   uuid primary key,
    handled_at timestamptz not null
);
