-- The bounce log: what happened to our emails after the SMTP server took them, from the bounce mailbox (delivery
-- status notifications, feedback reports) and from a mail provider's webhook. One row per report.
create table bounce (
    id              uuid primary key,
    report_id       text        not null unique, -- the report's own id: the DSN's Message-ID, or the provider's event id
    source          text        not null, -- MAILBOX, WEBHOOK
    kind            text        not null, -- HARD, SOFT, COMPLAINT, or DELIVERED (a provider's delivery: ends a run of soft bounces)
    email_hash      text        not null, -- sha256 of the lower-cased address, as PrivacyTopics.emailHash
    token           text,                 -- the VERP token of the email it is about (BounceAddress), if the report named one
    notification_id uuid,                 -- that email, when it is one of ours here
    booking_id      uuid,
    email_kind      text,
    status          text,                 -- the enhanced status code, such as 5.1.1
    diagnostic      text,                 -- the receiving server's words
    suppressed      boolean     not null, -- this report stopped the address's unrequested emails
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null
);

create index bounce_address on bounce (email_hash, recorded_at);
create index bounce_booking on bounce (booking_id) where booking_id is not null;
create index bounce_recent on bounce (recorded_at);

-- a bounce names its email by the token of its Message-ID (mail-sender's BounceAddress computes the same). Declared
-- immutable for the index: convert_to is only stable (it reads the encoding name), and Message-IDs are ASCII.
create function bounce_token(message_id text) returns text language sql immutable parallel safe
    return substr(encode(sha256(convert_to(message_id, 'UTF8')), 'hex'), 1, 24);

create index notification_bounce_token on notification (bounce_token(message_id));

-- the delivery log and the booking timeline show what came back
alter table notification add column bounce text, add column bounced_at timestamptz;

-- per client address limits on public writes, here the bounce webhook: Bucket4j's token buckets, shared by every
-- instance (service-support's ClientRateLimits). expires_at is in epoch milliseconds.
create table rate_limit_bucket (
    id         varchar(255) primary key,
    state      bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at_idx on rate_limit_bucket (expires_at);
