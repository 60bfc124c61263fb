-- Transactional outbox (the transactional-outbox module relays it): newsletter lifecycle events are written in the
-- transaction of the change they report, and published to newsletter.events afterwards.
create table outbox_event (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    event_type   text        not null,
    source       text        not null,
    payload      json        not null, -- json, not jsonb: relayed byte for byte as written
    occurred_at  timestamptz not null,
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (position) where published_at is null;
