-- Who receives the newsletter. One row per address (case-insensitive); re-subscribing reuses it.
create table subscriber (
    id              uuid primary key,
    email           text        not null,
    name            text,
    status          text        not null, -- PENDING (awaiting double opt-in), CONFIRMED, UNSUBSCRIBED
    source          text        not null, -- FORM, BOOKING, IMPORT
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    updated_at      timestamptz not null
);

create unique index subscriber_email on subscriber (lower(email));
create index subscriber_confirmed on subscriber (id) where status = 'CONFIRMED';

-- A newsletter issue, from draft to sent.
create table newsletter_issue (
    id            uuid primary key,
    title         text        not null,
    markdown      text        not null,
    status        text        not null, -- DRAFT, SCHEDULED, SENDING, PAUSED, CANCELLED, SENT, SENT_WITH_FAILURES
    scheduled_for timestamptz,
    published_at  timestamptz,
    completed_at  timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- The delivery ledger: one row per issue and recipient, written when the issue is published. Its state, not the
-- Kafka offsets, decides whether an email goes out, so a crash or a redelivered record never sends one twice.
create table delivery (
    issue_id        uuid        not null references newsletter_issue (id),
    subscriber_id   uuid        not null references subscriber (id),
    status          text        not null, -- QUEUED, SENT, FAILED (5xx), SKIPPED (unsubscribed before its turn), CANCELLED
    message_id      text        not null unique,
    attempts        integer     not null default 0,
    claimed_until   timestamptz,
    fanned_out_at   timestamptz,
    last_error      text,
    sent_at         timestamptz,
    primary key (issue_id, subscriber_id)
);

create index delivery_queued on delivery (issue_id, fanned_out_at) where status = 'QUEUED';

-- db-scheduler's table (https://github.com/kagkarlsson/db-scheduler, PostgreSQL schema for 16.x): confirmation
-- emails and issues scheduled for later
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
