-- The outbox (transactional-outbox): what this service publishes is written with the change it announces. So far,
-- its reports that it has erased a client (ClientErasureCompleted).
create table outbox_event (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    payload      json        not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    trace_parent text
);

create index outbox_event_unpublished on outbox_event (position) where published_at is null;
