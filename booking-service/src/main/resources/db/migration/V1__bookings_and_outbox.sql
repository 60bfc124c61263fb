create table booking (
    id                           uuid primary key,
    client_name                  text        not null,
    client_email                 text        not null,
    client_time_zone             text        not null,
    session_type                 text        not null,
    starts_at                    timestamptz not null,
    ends_at                      timestamptz not null,
    status                       text        not null,
    newsletter_opt_in            boolean     not null,
    screen_aneurysm              boolean     not null,
    screen_cerebral_hemorrhage   boolean     not null,
    screen_bleeding_disorder     boolean     not null,
    screen_intracranial_pressure boolean     not null,
    version                      bigint      not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    constraint booking_ends_after_start check (ends_at > starts_at),
    -- one practitioner: no two live bookings may overlap, whatever races the application loses
    constraint booking_no_overlap exclude using gist (tstzrange(starts_at, ends_at) with &&)
        where (status <> 'CANCELLED')
);

create index booking_starts_at on booking (starts_at);

-- Transactional outbox: an event is written in the same transaction as the change that caused it, and relayed to
-- Kafka afterwards, so no change is ever published without being stored, or stored without being published.
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
