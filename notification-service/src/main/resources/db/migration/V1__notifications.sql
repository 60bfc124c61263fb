-- Every event this service has acted on: a redelivered event finds its id here and changes nothing.
create table processed_event (
    event_id        uuid primary key,
    booking_id      uuid        not null,
    booking_version bigint      not null,
    event_type      text        not null,
    processed_at    timestamptz not null
);

-- One row per email to send: the delivery queue and the delivery log in one. The id is derived from
-- (booking, version, kind), so the same notification can only ever exist once, and so can its Message-ID.
create table notification (
    id              uuid primary key,
    booking_id      uuid        not null,
    booking_version bigint      not null,
    kind            text        not null,
    recipient       text        not null,
    event_type      text        not null,
    event           json        not null,
    status          text        not null,
    due_at          timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    last_error      text,
    message_id      text        not null unique,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    constraint notification_once unique (booking_id, booking_version, kind)
);

create index notification_pending on notification (next_attempt_at) where status = 'PENDING';
create index notification_booking on notification (booking_id);
create index notification_recipient on notification (recipient);
