-- The waitlist: clients for whom no free time suited, with the days and times they would like (in their own zone),
-- and their screening answers (a booking made from an offer needs them). An entry is erased once it is over: booked,
-- left, or past its last day (the retention job).
create table waitlist_entry (
    id                           uuid primary key,
    client_name                  text        not null,
    client_email                 text        not null,
    time_zone                    text        not null,
    session_type                 text        not null,
    first_day                    date        not null,
    last_day                     date        not null,
    days                         text        not null, -- e.g. MONDAY,WEDNESDAY
    earliest                     time        not null, -- the earliest start they would like
    latest                       time        not null, -- the latest start they would like
    screen_aneurysm              boolean     not null,
    screen_cerebral_hemorrhage   boolean     not null,
    screen_bleeding_disorder     boolean     not null,
    screen_intracranial_pressure boolean     not null,
    status                       text        not null, -- WAITING, BOOKED, LEFT
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null
);

create index waitlist_entry_waiting on waitlist_entry (last_day) where status = 'WAITING';
create index waitlist_entry_email on waitlist_entry (lower(client_email));

-- A freed time offered to an entry: OPEN until it is booked (BOOKED), taken by someone else or closed (GONE).
create table waitlist_offer (
    id         uuid primary key,
    entry_id   uuid        not null references waitlist_entry (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    status     text        not null,
    booking_id uuid,
    offered_at timestamptz not null,
    closed_at  timestamptz,
    constraint waitlist_offer_once unique (entry_id, starts_at)
);

create index waitlist_offer_open on waitlist_offer (starts_at) where status = 'OPEN';
